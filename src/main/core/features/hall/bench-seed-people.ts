// Who comes to a street hall's counter in the bench's years: a pool of applicants (many come more than
// once), named as people in northern China are, with a valid ID number and a mobile each, stored as a
// ticket stores them (encrypted, with the mask beside). Deterministic from the bench's Rng.

import type { FieldCipher } from '../../crypto/field-cipher';
import { Weighted, type Rng } from '../../seed/random';
import { idCheckChar } from '../../../../shared/values/id-number';
import { maskIdNumber, maskPhone } from '../../../../shared/values/mask';

export interface BenchApplicant {
  name: string;
  idCipher: string;
  idMasked: string;
  phoneCipher: string;
  phoneMasked: string;
}

/**
 * Surnames weighted by their share among people in China (per thousand): among these 54, 李, 王 and 张 are
 * about a tenth each, so a name typed from its first character matches thousands of tickets, a whole name a
 * handful.
 */
const surnames = new Weighted<string>([
  ['王', 71],
  ['李', 70],
  ['张', 65],
  ['刘', 53],
  ['陈', 45],
  ['杨', 31],
  ['赵', 23],
  ['黄', 22],
  ['周', 21],
  ['吴', 20],
  ['徐', 17],
  ['孙', 15],
  ['胡', 13],
  ['朱', 12],
  ['高', 12],
  ['林', 11],
  ['何', 11],
  ['郭', 11],
  ['马', 10],
  ['罗', 9],
  ['梁', 8],
  ['宋', 8],
  ['郑', 8],
  ['谢', 7],
  ['韩', 7],
  ['唐', 7],
  ['冯', 7],
  ['于', 6],
  ['董', 6],
  ['程', 5],
  ['曹', 5],
  ['袁', 5],
  ['邓', 5],
  ['许', 5],
  ['傅', 4],
  ['沈', 4],
  ['曾', 4],
  ['彭', 4],
  ['吕', 4],
  ['苏', 4],
  ['卢', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['贾', 3],
  ['丁', 3],
  ['魏', 3],
  ['薛', 3],
  ['叶', 3],
  ['阎', 3],
  ['乌', 2],
  ['白', 2],
  ['云', 2],
  ['包', 2],
  ['其其格', 1],
]);

/** Characters of given names, the two-character names drawn pairwise (a third of people have one character). */
const givenChars = [...'建国秀英丽华志强海燕桂兰玉梅文斌淑珍晓东红霞春军德明永福立新静敏伟芳娜磊洋艳勇杰涛超婷雪鹏辉鑫宇浩欣宏亮金凤平瑞'];

function personName(rng: Rng): string {
  const given = rng.chance(0.33) ? rng.pick(givenChars) : rng.pick(givenChars) + rng.pick(givenChars);
  return surnames.draw(rng) + given;
}

/** A 居民身份证 number of 包头 (青山区, 昆都仑区, 东河区) with a valid check character. */
function idNumber(rng: Rng): string {
  const birth = `${rng.int(1938, 2006)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = `${rng.pick(['150204', '150203', '150202'])}${birth}${rng.digits(3)}`;
  return body + idCheckChar(body);
}

/** `count` applicants, each encrypted once: a returning applicant's ticket carries the same ciphertext, as one copied from the registry does. */
export function benchApplicants(rng: Rng, secrets: FieldCipher, count: number): BenchApplicant[] {
  const out: BenchApplicant[] = [];
  for (let i = 0; i < count; i++) {
    const id = idNumber(rng);
    const phone = `1${rng.pick(['38', '39', '50', '51', '58', '86', '89', '36', '77'])}${rng.digits(8)}`;
    out.push({
      name: personName(rng),
      idCipher: secrets.encrypt(id),
      idMasked: maskIdNumber(id),
      phoneCipher: secrets.encrypt(phone),
      phoneMasked: maskPhone(phone),
    });
  }
  return out;
}

/** The hall's clerks: the 首问责任人 of what they register, and who records each later step at the counter. */
export const benchClerks = ['王窗口', '李窗口', '张窗口', '赵窗口', '刘窗口', '孙窗口'] as const;

/** Who decides at the departments applications are passed to (转办的承办人), by department. */
export const departmentHandlers: Record<string, readonly string[]> = {
  街道社保所: ['刘社保', '高社保'],
  街道民政科: ['孙民政', '何民政'],
  区残联: ['周残联'],
  街道卫健办: ['吴卫健'],
  辖区派出所: ['郑派出所', '马派出所'],
};

export const enquiryAnswers: readonly (readonly [string, string])[] = [
  ['咨询高龄津贴申领条件', '年满80周岁的本市户籍老年人可申领，携居民身份证、户口簿和本人银行卡到窗口办理。'],
  ['咨询城乡居民医保缴费时间', '每年9月至12月集中缴纳次年医保费，可在窗口或线上缴纳。'],
  ['咨询居住证办理需要多长时间', '材料齐全的，7个工作日内办结，办好后短信通知领取。'],
  ['咨询临时救助的申请条件', '因突发事件、意外伤害或重大疾病导致基本生活暂时困难的家庭可申请，已发放申请材料清单。'],
  ['咨询残疾人证到期换领', '到期前90日内可申请换领，需重新评定的由街道统一安排。'],
  ['咨询灵活就业人员养老保险', '已告知到街道社保所办理灵活就业人员参保登记，并提供了办事指南。'],
  ['咨询新生儿医保参保', '出生后可凭出生医学证明和户口簿办理参保，出生当年参保缴费的自出生之日起享受待遇。'],
  ['咨询老年人优待证能否代办', '可由家属持老人居民身份证原件和代办人身份证代为办理。'],
];

export const complaints: readonly string[] = [
  '反映小区东门外人行道长期堆放建筑垃圾，影响老人出行',
  '反映楼下餐馆油烟扰民',
  '反映小区路灯损坏多日无人维修',
  '反映窗口午间无人值守',
  '反映小区消防通道被私家车占用',
];

export const completionResults: readonly string[] = [
  '已办结，结果已告知申请人。',
  '审核通过，已通知申请人领取。',
  '已办结，证件已由申请人领取。',
  '经审核符合条件，已纳入发放名单。',
];

export const refusalReasons: readonly string[] = [
  '经核查，申请人户籍不在本街道，且未办理居住登记，不属于本窗口受理范围，已告知到户籍所在地办理。',
  '经核查，申请人家庭收入超过最低生活保障标准，不符合申请条件。',
  '申请人年龄未达到申领条件。',
];

export const goodComments = ['', '', '', '', '办事快，态度好', '一次就办好了', '讲解很清楚', '不用跑第二趟'];
export const middlingComments = ['', '等候时间有点长', '材料清单可以再写清楚些'];
export const badComments = ['排队等了一个多小时', '工作人员解释不耐烦', '跑了三趟才办好', '电话一直打不通', '窗口说法前后不一致'];

export const followUpTexts = {
  verified: ['经核实，当日办理人数较多，等候时间较长，情况属实。', '经调取窗口录像核实，工作人员解释不够耐心，情况属实。', '经核实，系材料清单表述不清所致。'],
  rectification: ['高峰时段增开一个窗口，推行预约办理。', '已对相关工作人员进行批评教育，开展服务规范培训。', '已修订一次性告知清单，在窗口公示。'],
  feedback: ['已电话向申请人说明整改措施，申请人表示满意。', '已上门说明情况，申请人表示理解。', '已电话反馈，申请人表示基本满意。'],
};
