import type { DocumentModel } from '../../../src/main/core/documents/model';

// One document of each layout, as the areas will build them: minutes (official), a donation receipt (form)
// and a notice-board 公示 (poster).

const letterhead = { communityName: '青山区幸福社区居民委员会', unitName: '幸福社区居民委员会', streetOffice: '青山街道办事处' };
const labels = { page: '第 {n} 页', of: '共 {n} 页' };
const generatedAt = '2026-11-22T02:30:00.000Z';

export function officialSample(): DocumentModel {
  return {
    layout: 'official',
    title: '幸福社区居民代表会议纪要',
    subtitle: '第 3 次会议',
    letterhead,
    labels,
    generatedAt,
    blocks: [
      {
        kind: 'paragraph',
        content: ['2026年11月20日，社区党委书记王建国在社区议事厅主持召开居民代表会议，研究加装电梯和楼道照明改造事项。现将议定事项纪要如下：'],
      },
      { kind: 'heading', level: 1, text: '一、关于3栋加装电梯' },
      { kind: 'paragraph', content: ['会议同意3栋1单元加装电梯方案，', { text: '费用按楼层分摊', bold: true }, '，由业主自筹，社区协助申请补贴。'] },
      { kind: 'heading', level: 2, text: '（一）表决结果' },
      {
        kind: 'table',
        columns: [
          { header: '事项', width: 20 },
          { header: '赞成', kind: 'integer', width: 6 },
          { header: '反对', kind: 'integer', width: 6 },
          { header: '弃权', kind: 'integer', width: 6 },
          { header: '结果', width: 8, align: 'center' },
        ],
        rows: [
          ['3栋加装电梯', 38, 2, 1, '通过'],
          ['楼道照明改造', 41, 0, 0, '通过'],
        ],
      },
      { kind: 'heading', level: 1, text: '二、关于楼道照明改造' },
      { kind: 'paragraph', content: ['会议同意对1至6栋楼道照明进行改造，所需经费', '从社区公益金中列支，合计叁万元整。'] },
      {
        kind: 'fields',
        fields: [
          { label: '出席', value: '王建国、李秀英、张伟、刘洋、陈静、赵磊、孙丽、周敏、吴刚、郑华、王芳、李娜（共38人）' },
          { label: '请假', value: '陈静（因病）' },
        ],
      },
      {
        kind: 'signatures',
        signers: [
          { role: '主持人', name: '王建国' },
          { role: '记录人', name: '李秀英' },
        ],
      },
      { kind: 'seal', unitName: '幸福社区居民委员会', date: '2026年11月22日' },
      { kind: 'qr', data: 'sha256:9f2c0b7d1e5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a2918f7e6d5c4b3a', caption: '扫码核验本纪要' },
    ],
  };
}

export function formSample(): DocumentModel {
  return {
    layout: 'form',
    title: '捐赠收据',
    subtitle: '2026年11月22日',
    serial: '2026-000123',
    letterhead: { ...letterhead, communityName: '幸福社区慈善协会' },
    labels,
    generatedAt,
    blocks: [
      {
        kind: 'fields',
        columns: 2,
        fields: [
          { label: '捐赠人', value: '张伟' },
          { label: '捐赠方式', value: '现金' },
          { label: '捐赠用途', value: '困难家庭冬季慰问', wide: true },
        ],
      },
      { kind: 'amount', fen: 123456, figuresLabel: '小写', wordsLabel: '金额（大写）' },
      { kind: 'paragraph', content: ['感谢您对社区慈善事业的支持！'] },
      { kind: 'signatures', signers: [{ role: '收款单位（盖章）' }, { role: '经手人', name: '李秀英' }, { role: '复核人' }] },
      { kind: 'qr', data: 'https://linli.example/r/2026-000123', caption: '扫码查验收据' },
    ],
  };
}

export function posterSample(): DocumentModel {
  return {
    layout: 'poster',
    title: '公示',
    subtitle: '关于2026年第四季度低保评议结果的公示',
    letterhead,
    labels,
    generatedAt,
    public: true,
    blocks: [
      { kind: 'paragraph', content: ['经社区民主评议，以下家庭拟纳入最低生活保障，现予公示。公示期间如有异议，请向社区居委会反映。'] },
      {
        kind: 'table',
        columns: [
          { header: '序号', kind: 'integer', width: 4 },
          { header: '户主', width: 8 },
          { header: '家庭人口', kind: 'integer', width: 6 },
          { header: '月补助金额（元）', kind: 'fen', width: 10 },
        ],
        rows: [
          [1, '张*', 3, 186000],
          [2, '刘*', 2, 124000],
        ],
        totals: ['合计', '', 5, 310000],
      },
      { kind: 'paragraph', content: ['公示时间：2026年11月22日至2026年11月28日'] },
      { kind: 'seal', unitName: '幸福社区居民委员会', date: '2026年11月22日' },
    ],
  };
}
