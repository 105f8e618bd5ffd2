// What the council area's methods return. Plain objects: rows never cross IPC.

export const bodyKinds = ['resident_assembly', 'representatives', 'committee', 'consultation', 'supervision', 'special_committee', 'dibao_panel'] as const;
export type BodyKind = (typeof bodyKinds)[number];
/** 居民会议's three forms (组织法 第9条): all adults, one representative per household, 2–3 per 居民小组. */
export const assemblyForms = ['all_adults', 'household_reps', 'group_reps'] as const;
export type AssemblyForm = (typeof assemblyForms)[number];
export const thresholds = ['cast_majority', 'present_majority', 'two_thirds_present'] as const;
export type Threshold = (typeof thresholds)[number];
export const voteMethods = ['hands', 'secret', 'roll_call'] as const;
export type VoteMethod = (typeof voteMethods)[number];
export const meetingStates = ['draft', 'notified', 'open', 'closed'] as const;
export type MeetingState = (typeof meetingStates)[number];
export const rollStatuses = ['present', 'absent', 'leave', 'observer'] as const;
export type RollStatus = (typeof rollStatuses)[number];
/** 三事分流: 大事 (government), 小事 (community together), 私事 (residents themselves). */
export const agendaCategories = ['大事', '小事', '私事'] as const;
export type AgendaCategory = (typeof agendaCategories)[number];
export const agendaSources = ['register', 'resident_request', 'ticket', 'committee'] as const;
export type AgendaSource = (typeof agendaSources)[number];
export const actionStatuses = ['open', 'doing', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const voteChoices = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof voteChoices)[number];

export const signerRoles = ['chair', 'recorder', 'participant'] as const;
export type SignerRole = (typeof signerRoles)[number];

export interface QuorumRule {
  num: number;
  den: number;
  /** true: more than num/den (居民会议 > 1/2); false: at least (代表会议 ≥ 2/3). */
  strict: boolean;
}

export interface Body {
  id: string;
  kind: BodyKind;
  name: string;
  assemblyForm: AssemblyForm | null;
  quorum: QuorumRule;
  defaultThreshold: Threshold;
  memberCount: number;
  votingCount: number;
}

export interface Member {
  id: string;
  bodyId: string;
  residentId: string | null;
  householdId: string | null;
  name: string;
  role: string;
  votes: boolean;
  termStart: string;
  termEnd: string | null;
}

export interface MeetingSummary {
  id: string;
  bodyId: string;
  bodyName: string;
  bodyKind: BodyKind;
  title: string;
  heldOn: string;
  startTime: string;
  place: string;
  state: MeetingState;
  quorate: boolean | null;
}

export interface Meeting extends MeetingSummary {
  convener: string;
  request: { count: number; base: number; note: string } | null;
  chairName: string;
  recorderName: string;
  notifiedOn: string | null;
  openedAt: string | null;
  closedAt: string | null;
}

export interface AgendaItem {
  id: string;
  seq: number;
  title: string;
  category: AgendaCategory;
  source: AgendaSource;
  sourceRef: string;
}

export interface RollEntry {
  seq: number;
  memberId: string | null;
  name: string;
  role: string;
  status: RollStatus;
  reason: string;
  votes: boolean;
}

export interface QuorumState {
  /** 应到: voting members of the body in term on the meeting's day (frozen at opening). */
  base: number;
  /** The fewest present voters that make a quorum. */
  needed: number;
  /** 实到 voting members. */
  present: number;
  quorate: boolean;
  frozen: boolean;
}

export interface Tally {
  for: number;
  against: number;
  abstain: number;
}

export interface Motion {
  id: string;
  seq: number;
  agendaItemId: string | null;
  title: string;
  discussion: string;
  method: VoteMethod;
  threshold: Threshold;
  state: 'discussion' | 'entered' | 'decided';
  /** Present voters less the recused, when the vote was entered. */
  eligible: number | null;
  tally: Tally | null;
  passed: boolean | null;
  enteredBy: string | null;
  checkedBy: string | null;
  recusals: { memberId: string; name: string; reason: string }[];
  rollCall: { memberId: string; name: string; choice: VoteChoice }[];
}

export interface Resolution {
  id: string;
  motionId: string;
  meetingId: string;
  year: number;
  seq: number;
  /** 居议〔2026〕3号: the charity ledger cites this. */
  number: string;
  text: string;
}

export interface ActionItem {
  id: string;
  meetingId: string;
  meetingTitle: string;
  heldOn: string;
  resolutionId: string | null;
  resolutionNumber: string | null;
  title: string;
  ownerName: string;
  dueOn: string;
  status: ActionStatus;
  doneOn: string | null;
  result: string;
  publishedOn: string | null;
}

export interface MinutesVersion {
  id: string;
  version: number;
  text: string;
  amendReason: string;
  state: 'draft' | 'signed';
  signedAt: string | null;
  signatures: { role: SignerRole; name: string; signedAt: string }[];
}

export interface MeetingView {
  meeting: Meeting;
  body: Body;
  agenda: AgendaItem[];
  roll: RollEntry[];
  quorum: QuorumState;
  motions: Motion[];
  resolutions: Resolution[];
  actionItems: ActionItem[];
  minutes: MinutesVersion[];
}

export const issueStatuses = ['raised', 'scheduled', 'decided', 'done', 'referred'] as const;
export type IssueStatus = (typeof issueStatuses)[number];
/** 居民公约, the yearly plan (年度工作计划), the 居民议事日 calendar. */
export const registerKinds = ['convention', 'plan', 'deliberation_day'] as const;
export type RegisterKind = (typeof registerKinds)[number];
export const registerStatuses = ['active', 'superseded', 'done'] as const;
export type RegisterStatus = (typeof registerStatuses)[number];

/** One line of the 议事事项清单. */
export interface Issue {
  id: string;
  title: string;
  raisedBy: string;
  raisedOn: string;
  category: AgendaCategory;
  status: IssueStatus;
  decision: string;
  resolutionId: string | null;
  resolutionNumber: string | null;
}

export interface RegisterEntry {
  id: string;
  kind: RegisterKind;
  year: number;
  onDate: string | null;
  title: string;
  text: string;
  status: RegisterStatus;
  resolutionId: string | null;
  resolutionNumber: string | null;
}
