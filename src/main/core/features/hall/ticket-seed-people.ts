// Who comes to the counter in the demo: residents of the registry mostly, walk-ins otherwise (a valid ID
// number and a mobile each), and what enquirers ask and complainants say. Deterministic from the seed's Rng.

import type { Rng } from '../../seed/random';
import { idCheckChar } from '../../../../shared/values/id-number';
import type { RegisterInput } from './tickets-register';

export type Applicant = Pick<RegisterInput, 'residentId' | 'applicantName' | 'applicantIdNumber' | 'applicantPhone'>;

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const given = ['秀兰', '建华', '志刚', '丽娟', '海燕', '国强', '玉梅', '德明', '淑珍', '晓东', '桂芳', '文斌', '春梅', '建军', '红霞', '永福'];

/** A walk-in (not in the registry, e.g. a relative from elsewhere, a new tenant): a 居民身份证 number of 包头 青山区 and a mobile. */
export function walkIn(rng: Rng): Applicant {
  const birth = `${rng.int(1940, 2002)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = `150204${birth}${rng.digits(3)}`;
  return {
    residentId: null,
    applicantName: rng.pick(surnames) + rng.pick(given),
    applicantIdNumber: body + idCheckChar(body),
    applicantPhone: `1${rng.pick(['38', '39', '50', '58', '86', '89'])}${rng.digits(8)}`,
  };
}

/** A resident of the registry: their name, ID number and phone come from their record. */
export function resident(r: { id: string; name: string }): Applicant {
  return { residentId: r.id, applicantName: r.name, applicantIdNumber: '', applicantPhone: '' };
}

export const enquiries: readonly (readonly [string, string])[] = [
  ['咨询高龄津贴申领条件', '年满80周岁的本市户籍老年人可申领，携居民身份证、户口簿和本人银行卡到窗口办理。'],
  ['咨询城乡居民医保缴费时间', '每年9月至12月集中缴纳次年医保费，可在窗口或线上缴纳。'],
  ['咨询居住证办理需要多长时间', '材料齐全的，7个工作日内办结，办好后短信通知领取。'],
  ['咨询临时救助的申请条件', '因突发事件、意外伤害或重大疾病导致基本生活暂时困难的家庭可申请，已发放申请材料清单。'],
  ['咨询残疾人证到期换领', '到期前90日内可申请换领，需重新评定的由街道统一安排。'],
  ['咨询灵活就业人员养老保险', '已告知到街道社保所办理灵活就业人员参保登记，并提供了办事指南。'],
];

export const complaint = {
  summary: '反映小区东门外人行道长期堆放建筑垃圾，影响老人出行',
  department: '社区网格服务站',
  handler: '赵网格',
  result: '已联系施工单位于三日内清运完毕，网格员复查确认，已电话告知反映人。',
};

/** Who decides at the departments the counter passes applications to (转办 的承办人). */
export const departmentHandlers = ['刘社保', '孙民政', '周残联', '吴卫健', '郑派出所'];

export const refusalReason = '经核查，申请人户籍不在本社区，且未在本社区办理居住登记，不属于本窗口受理范围，已告知到户籍所在地社区办理。';

export const badComments = ['排队等了一个多小时', '工作人员解释不耐烦'] as const;
export const goodComments = ['', '', '', '办事快，态度好', '一次就办好了', '讲解很清楚'];
