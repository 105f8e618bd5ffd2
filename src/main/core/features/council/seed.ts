import type { CoreServices } from '../../context';
import { appendAudit } from '../../audit/repository';
import { readSettings } from '../../community/settings';
import { localToday } from '../../time/zone';
import { newId } from '../../util/ids';
import { addDays } from '../../time/calendar';
import { Rng, seedFrom } from '../../seed/random';
import { motionPasses, quorumNeeded, statutoryRules } from './rules';
import type { BodyKind, Threshold, VoteMethod } from '../../../../shared/contract/council';

export const COUNCIL_SEED_ACTION = 'council.seed';

export interface CouncilSeedOptions {
  seed?: string;
  actor: { id: string | null; name: string | null };
  /** The benchmark's shape: one committee with this many meetings, each with this many action items. */
  bulk?: { meetings: number; actionsPerMeeting: number };
}

export interface CouncilSeedCounts {
  bodies: number;
  members: number;
  meetings: number;
  motions: number;
  resolutions: number;
  actionItems: number;
  minutes: number;
}

interface BodySeed {
  id: string;
  kind: BodyKind;
  name: string;
  members: { id: string; name: string; role: string; votes: boolean }[];
}

interface MotionSeed {
  title: string;
  method: VoteMethod;
  threshold?: Threshold;
  /** Share of eligible voters voting for; the rest split between against and abstain. */
  support: number;
}

interface MeetingSeed {
  body: BodySeed;
  title: string;
  heldOn: string;
  place: string;
  agenda: { title: string; category: '大事' | '小事' | '私事' }[];
  motions: MotionSeed[];
  actions: string[];
  discussion: string;
  /** A member (the last one) recuses from every motion, with this reason (低保: a relative of the applicant). */
  recusal?: string;
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const given = ['建国', '秀英', '志强', '桂兰', '明', '丽', '伟', '敏', '杰', '芳', '磊', '洁', '军', '静', '勇', '燕', '涛', '艳', '斌', '霞'];
const owners = ['社区居委会', '物业服务中心', '网格员', '楼栋长', '社区民警', '社工站'];
const leaveReasons = ['出差', '身体不适', '家中有事', '外出就医', '值班'];
const committeeTopics = [
  ['老旧小区改造意见征集', '小事'],
  ['楼道堆物清理', '小事'],
  ['夏季防汛准备', '大事'],
  ['重阳节敬老活动安排', '小事'],
  ['垃圾分类督导', '小事'],
  ['消防通道占用整治', '大事'],
  ['社区食堂运营', '小事'],
  ['邻里纠纷调解', '私事'],
  ['冬季供暖问题汇总', '大事'],
  ['春节走访慰问安排', '小事'],
  ['非机动车充电棚建设', '小事'],
  ['居民公约修订', '小事'],
] as const;

/**
 * Demo and benchmark data for the council: by default a year of meetings ending today (the committee every
 * month, the representatives and the quarterly 低保 民主评议 every quarter, consultations), each held with
 * its roll, votes, numbered resolutions, action items and signed minutes, the newest notified but not yet
 * held. Written with prepared statements in one transaction, in the order the tables' triggers allow (the
 * roll before the opening, signatures before the lock); one audit record. Does nothing if bodies exist.
 */
export async function seedCouncil(services: CoreServices, opts: CouncilSeedOptions): Promise<CouncilSeedCounts> {
  const counts: CouncilSeedCounts = { bodies: 0, members: 0, meetings: 0, motions: 0, resolutions: 0, actionItems: 0, minutes: 0 };
  const sqlite = services.sqlite;
  if ((sqlite.prepare('SELECT count(*) AS n FROM council_bodies').get() as { n: number }).n > 0) return counts;
  const { timeZone } = await readSettings(services.db);
  const today = localToday(services.now(), timeZone);
  const at = services.now().toISOString();
  const by = opts.actor.id;
  const rng = new Rng(seedFrom(`council:${opts.seed ?? 'linli'}`));
  // Members who live here are linked to their resident record (read from the registry, never changed).
  const residents = sqlite.prepare('SELECT id, name FROM residents WHERE archived = 0 ORDER BY rowid LIMIT 200').all() as { id: string; name: string }[];
  let residentNo = 0;

  const st = {
    body: sqlite.prepare(
      `INSERT INTO council_bodies (id, kind, name, assembly_form, quorum_num, quorum_den, quorum_strict, default_threshold, archived, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
    ),
    member: sqlite.prepare(
      `INSERT INTO council_members (id, body_id, resident_id, household_id, name, role, votes, term_start, term_end, archived, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, NULL, 0, ?, ?, ?, ?)`,
    ),
    meeting: sqlite.prepare(
      `INSERT INTO council_meetings (id, body_id, title, convener, held_on, start_time, place, chair_name, recorder_name, state, notified_on, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, '社区居委会', ?, '14:30', ?, ?, ?, 'notified', ?, ?, ?, ?, ?)`,
    ),
    agenda: sqlite.prepare(
      `INSERT INTO council_agenda_items (id, meeting_id, seq, title, category, source, source_ref, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`,
    ),
    roll: sqlite.prepare(`INSERT INTO council_roll (meeting_id, seq, member_id, name, role, status, reason, votes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    held: sqlite.prepare(
      `UPDATE council_meetings SET state = 'closed', opened_at = ?, closed_at = ?, quorum_base = ?, quorum_needed = ?, present_voting = ?, quorate = ? WHERE id = ?`,
    ),
    motion: sqlite.prepare(
      `INSERT INTO council_motions (id, meeting_id, agenda_item_id, seq, title, discussion, method, threshold, state, eligible, votes_for, votes_against, votes_abstain, passed,
         entered_by, entered_at, checked_by, checked_at, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, '', ?, ?, 'decided', ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)`,
    ),
    recusal: sqlite.prepare(`INSERT INTO council_recusals (motion_id, member_id, reason) VALUES (?, ?, ?)`),
    resolution: sqlite.prepare(
      `INSERT INTO council_resolutions (id, meeting_id, motion_id, year, seq, number, text, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    action: sqlite.prepare(
      `INSERT INTO council_action_items (id, meeting_id, resolution_id, title, owner_name, due_on, status, done_on, result, published_on, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    minutes: sqlite.prepare(
      `INSERT INTO council_minutes (id, meeting_id, version, text, amend_reason, state, signed_at, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 1, ?, '', 'draft', NULL, ?, ?, ?, ?)`,
    ),
    signature: sqlite.prepare(`INSERT INTO council_minutes_signatures (minutes_id, seq, role, name, signed_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)`),
    sign: sqlite.prepare(`UPDATE council_minutes SET state = 'signed', signed_at = ? WHERE id = ?`),
  };
  const resolutionSeq = new Map<number, number>();

  function addBody(kind: BodyKind, bodyName: string, size: number, roles: string[]): BodySeed {
    const id = newId();
    const rule = statutoryRules[kind];
    st.body.run(id, kind, bodyName, rule.quorum.num, rule.quorum.den, rule.quorum.strict ? 1 : 0, rule.threshold, at, by, at, by);
    counts.bodies++;
    const body: BodySeed = { id, kind, name: bodyName, members: [] };
    for (let i = 0; i < size; i++) {
      const resident = residents[residentNo++];
      const name = resident?.name ?? `${surnames[(i * 7 + size) % surnames.length]}${given[(i * 3 + bodyName.length) % given.length]}`;
      const member = { id: newId(), name, role: roles[i] ?? roles.at(-1)!, votes: rule.membersVote };
      st.member.run(member.id, id, resident?.id ?? null, member.name, member.role, member.votes ? 1 : 0, addDays(today, -400), at, by, at, by);
      body.members.push(member);
      counts.members++;
    }
    return body;
  }

  function holdMeeting(m: MeetingSeed, held: boolean): string {
    const id = newId();
    const chair = m.body.members[0]?.name ?? '';
    const recorder = m.body.members[1]?.name ?? '';
    st.meeting.run(id, m.body.id, m.title, m.heldOn, m.place, chair, recorder, addDays(m.heldOn, -7), at, by, at, by);
    counts.meetings++;
    const agendaIds = m.agenda.map((a, i) => {
      const aid = newId();
      st.agenda.run(aid, id, i + 1, a.title, a.category, i === 0 ? 'register' : 'resident_request', at, by, at, by);
      return aid;
    });
    if (!held) return id;
    // The roll: most members present, a few on leave with a reason.
    const present: string[] = [];
    m.body.members.forEach((member, i) => {
      const here = i < 2 || rng.chance(0.88);
      if (here && member.votes) present.push(member.id);
      st.roll.run(id, i + 1, member.id, member.name, member.role, here ? 'present' : 'leave', here ? '' : rng.pick(leaveReasons), member.votes ? 1 : 0);
    });
    const base = m.body.members.filter((x) => x.votes).length;
    const rule = statutoryRules[m.body.kind].quorum;
    const needed = quorumNeeded(base, rule);
    const quorate = present.length >= needed;
    const openedAt = `${m.heldOn}T06:30:00.000Z`;
    st.held.run(openedAt, `${m.heldOn}T08:00:00.000Z`, base, needed, present.length, quorate ? 1 : 0, id);
    const year = Number(m.heldOn.slice(0, 4));
    const resolutionIds: string[] = [];
    const recused = m.recusal ? m.body.members.at(-1)! : null;
    if (quorate) {
      m.motions.forEach((mo, i) => {
        const mid = newId();
        const threshold = mo.threshold ?? statutoryRules[m.body.kind].threshold;
        const eligible = present.length - (recused && present.includes(recused.id) ? 1 : 0);
        const votesFor = Math.min(eligible, Math.round(eligible * mo.support));
        const votesAgainst = Math.floor((eligible - votesFor) / 2);
        const abstain = eligible - votesFor - votesAgainst;
        const passed = motionPasses(threshold, { for: votesFor, against: votesAgainst, abstain }, eligible);
        st.motion.run(
          mid,
          id,
          agendaIds[i] ?? null,
          i + 1,
          mo.title,
          mo.method,
          threshold,
          eligible,
          votesFor,
          votesAgainst,
          abstain,
          passed ? 1 : 0,
          by,
          openedAt,
          at,
          by,
          at,
          by,
        );
        counts.motions++;
        if (recused) st.recusal.run(mid, recused.id, m.recusal!);
        if (passed) {
          const seq = (resolutionSeq.get(year) ?? 0) + 1;
          resolutionSeq.set(year, seq);
          const rid = newId();
          st.resolution.run(rid, id, mid, year, seq, `居议〔${year}〕${seq}号`, mo.title, openedAt, by);
          resolutionIds.push(rid);
          counts.resolutions++;
        }
      });
    }
    m.actions.forEach((title, i) => writeAction(id, m.heldOn, resolutionIds[i] ?? resolutionIds[0] ?? null, title));
    const minutesId = newId();
    st.minutes.run(minutesId, id, m.discussion, at, by, at, by);
    st.signature.run(minutesId, 1, 'chair', chair, `${m.heldOn}T09:00:00.000Z`, by);
    st.signature.run(minutesId, 2, 'recorder', recorder, `${m.heldOn}T09:00:00.000Z`, by);
    // A 民主评议 record is signed by everyone who took part.
    if (m.body.kind === 'dibao_panel') {
      m.body.members
        .slice(2)
        .forEach((member, i) => present.includes(member.id) && st.signature.run(minutesId, i + 3, 'participant', member.name, `${m.heldOn}T09:00:00.000Z`, by));
    }
    st.sign.run(`${m.heldOn}T09:00:00.000Z`, minutesId);
    counts.minutes++;
    return id;
  }

  function writeAction(meetingId: string, heldOn: string, resolutionId: string | null, title: string) {
    const due = addDays(heldOn, rng.int(7, 90));
    const roll = rng.next();
    const overdue = due < today;
    const status = overdue ? (roll < 0.8 ? 'done' : roll < 0.85 ? 'dropped' : 'doing') : roll < 0.3 ? 'done' : roll < 0.6 ? 'doing' : 'open';
    const early = addDays(due, -rng.int(0, 5));
    const doneOn = status === 'done' ? (early < today ? early : today) : null;
    const published = status === 'done' && rng.chance(0.5) ? doneOn : null;
    st.action.run(
      newId(),
      meetingId,
      resolutionId,
      title,
      rng.pick(owners),
      due,
      status,
      doneOn,
      status === 'done' ? '已按期完成，居民反映良好' : '',
      published,
      at,
      by,
      at,
      by,
    );
    counts.actionItems++;
  }

  sqlite.transaction(() => {
    if (opts.bulk) {
      const body = addBody('committee', '居民委员会', 7, ['主任', '副主任', '委员']);
      for (let i = 0; i < opts.bulk.meetings; i++) {
        const heldOn = addDays(today, -(opts.bulk.meetings - i));
        const topic = committeeTopics[i % committeeTopics.length];
        const meetingId = holdMeeting(
          {
            body,
            title: `居委会第${i + 1}次会议`,
            heldOn,
            place: '社区会议室',
            agenda: [{ title: topic[0], category: topic[1] }],
            motions: [{ title: `关于${topic[0]}的决定`, method: 'hands', support: 0.8 }],
            actions: [],
            discussion: '',
          },
          true,
        );
        for (let k = 0; k < opts.bulk.actionsPerMeeting; k++) writeAction(meetingId, heldOn, null, `${topic[0]}：落实事项${k + 1}`);
      }
      return;
    }
    const committee = addBody('committee', '幸福社区居民委员会', 7, ['主任', '副主任', '委员']);
    const reps = addBody('representatives', '幸福社区居民代表会议', 15, ['主任', '副主任', '居民代表']);
    const dibao = addBody('dibao_panel', '低保民主评议小组', 15, ['组长', '记录员', '评议员']);
    const consult = addBody('consultation', '幸福社区协商议事会', 9, ['召集人', '记录员', '议事代表']);
    addBody('supervision', '居务监督委员会', 3, ['主任', '委员']);

    const month = (k: number) => addDays(today, -30 * k);
    for (let k = 11; k >= 0; k--) {
      const topic = committeeTopics[(11 - k) % committeeTopics.length];
      const upcoming = k === 0;
      const heldOn = upcoming ? addDays(today, 5) : month(k);
      holdMeeting(
        {
          body: committee,
          title: `居委会${Number(heldOn.slice(5, 7))}月份工作例会`,
          heldOn,
          place: '社区会议室',
          agenda: [{ title: topic[0], category: topic[1] }],
          motions: [{ title: `同意${topic[0]}工作方案`, method: 'hands', support: 0.85 }],
          actions: [`${topic[0]}：制定实施方案`, `${topic[0]}：向居民公示进展`],
          discussion: `会议听取了${topic[0]}的情况汇报，委员们逐项讨论，提出了具体意见。`,
        },
        !upcoming,
      );
    }
    for (let q = 3; q >= 0; q--) {
      const heldOn = addDays(today, -90 * q - 20);
      const quarter = `${heldOn.slice(0, 4)}年第${Math.ceil(Number(heldOn.slice(5, 7)) / 3)}季度`;
      holdMeeting(
        {
          body: reps,
          title: `${quarter}居民代表会议`,
          heldOn,
          place: '社区议事厅',
          agenda: [
            { title: '加装电梯资金筹集方案', category: '小事' },
            { title: '小区停车管理办法', category: '小事' },
          ],
          motions: [
            { title: '通过加装电梯资金筹集方案', method: 'hands', support: 0.8 },
            { title: '通过小区停车管理办法（试行）', method: q === 1 ? 'roll_call' : 'hands', support: q === 2 ? 0.45 : 0.7 },
          ],
          actions: ['联系电梯厂家报价并公示', '停车位划线施工'],
          discussion: '代表们围绕费用分摊和施工扰民问题充分发表意见，主持人归纳了主要意见。',
        },
        true,
      );
      const review = rng.pick(surnames);
      holdMeeting(
        {
          body: dibao,
          title: `${quarter}低保民主评议会`,
          recusal: '申请人亲属',
          heldOn: addDays(heldOn, 3),
          place: '社区议事厅',
          agenda: [{ title: `${review}某某家庭低保申请评议`, category: '大事' }],
          motions: [{ title: `同意${review}某某家庭纳入低保`, method: 'secret', threshold: 'two_thirds_present', support: q === 2 ? 0.5 : 0.85 }],
          actions: ['评议结果在居务公开栏公示7天'],
          discussion: '街道工作人员宣讲低保政策，入户调查人员介绍申请家庭情况，评议人员询问后进行无记名投票。申请人亲属已回避。',
        },
        true,
      );
    }
    // The registers: issues residents raised, the 居民公约, the yearly plan and a 议事日 each month.
    const issue = sqlite.prepare(
      `INSERT INTO council_issues (id, title, raised_by, raised_on, category, status, decision, resolution_id, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
    );
    committeeTopics.forEach(([title, category], i) => {
      const status = i < 8 ? 'done' : i < 10 ? 'decided' : 'raised';
      issue.run(
        newId(),
        title,
        `${rng.pick(surnames)}某某等居民`,
        month(11 - i),
        category,
        category === '大事' && i % 2 ? 'referred' : status,
        status === 'raised' ? '' : '已列入会议议题并形成意见',
        at,
        by,
        at,
        by,
      );
    });
    const entry = sqlite.prepare(
      `INSERT INTO council_register_entries (id, kind, year, on_date, title, text, status, resolution_id, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 'active', NULL, ?, ?, ?, ?)`,
    );
    const year = Number(today.slice(0, 4));
    entry.run(
      newId(),
      'convention',
      year,
      `${year}-03-01`,
      '幸福社区居民公约',
      '一、爱护公共环境，垃圾分类投放。\n二、文明养犬，及时清理。\n三、邻里互助，礼让和睦。',
      at,
      by,
      at,
      by,
    );
    for (let q = 1; q <= 4; q++) entry.run(newId(), 'plan', year, null, `第${q}季度：召开居民代表会议、低保民主评议会`, '', at, by, at, by);
    for (let mth = 1; mth <= 12; mth++)
      entry.run(newId(), 'deliberation_day', year, `${year}-${String(mth).padStart(2, '0')}-15`, `${mth}月居民议事日`, '', at, by, at, by);

    for (const [k, topic] of [
      [10, '小区绿化改造'],
      [6, '楼道照明节能改造'],
      [2, '社区议事日主题确定'],
    ] as const) {
      holdMeeting(
        {
          body: consult,
          title: `协商议事会：${topic}`,
          heldOn: month(k),
          place: '社区议事厅',
          agenda: [{ title: topic, category: '小事' }],
          motions: [{ title: `形成${topic}协商意见`, method: 'hands', support: 0.75 }],
          actions: [`${topic}：反馈居民意见`],
          discussion: `居民、物业和社区三方就${topic}进行了协商。`,
        },
        true,
      );
    }
  })();

  await services.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        action: COUNCIL_SEED_ACTION,
        area: 'council',
        summary: `Council demo data: ${counts.meetings} meetings, ${counts.actionItems} action items`,
        after: counts,
        actor: opts.actor,
      },
      { id: opts.actor.id, name: opts.actor.name, workstation: services.workstation },
      services.now(),
    ),
  );
  return counts;
}
