// The printed words for the council's codes, in the documents' language (Chinese official documents).
import type { BodyKind, RollStatus, SignerRole, Threshold, VoteMethod } from '../../../../../shared/contract/council';

export const bodyKindWords: Record<BodyKind, string> = {
  resident_assembly: '居民会议',
  representatives: '居民代表会议',
  committee: '居民委员会会议',
  consultation: '协商议事会',
  supervision: '居务监督委员会会议',
  special_committee: '专门委员会会议',
  dibao_panel: '低保民主评议会',
};
export const methodWords: Record<VoteMethod, string> = { hands: '举手表决', secret: '无记名投票', roll_call: '唱名表决' };
export const thresholdWords: Record<Threshold, string> = {
  cast_majority: '赞成票多于反对票',
  present_majority: '超过到会人数的半数',
  two_thirds_present: '达到到会人数的三分之二',
};
export const rollWords: Record<RollStatus, string> = { present: '出席', absent: '缺席', leave: '请假', observer: '列席' };
export const signerWords: Record<SignerRole, string> = { chair: '主持人', recorder: '记录人', participant: '参会人' };
