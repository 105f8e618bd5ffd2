// Writes common-passwords.json: passwords that the policy's other rules (10 characters or more, not all one
// class) would let through although every guessing list tries them early. Made offline from well-known
// patterns: the most used passwords and words, Chinese pinyin favourites (woaini, 5201314, surnames), the
// names of the app and its roles, keyboard walks, each with the suffixes people add (123, 2026, !, @123…).
// Run: npx node resources/data/common-passwords.mjs
import fs from 'node:fs';

const words = `password passw0rd p@ssword p@ssw0rd pass qwerty qwertyuiop asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx qazwsxedc 1qaz2wsx
1qaz2wsx3edc zaq12wsx qweasd qweasdzxc qwe123 abc abcd abcde abcdef abc123 a123 aa aaa admin administrator root user guest
test tester welcome letmein iloveyou loveyou love monkey dragon master shadow sunshine princess football baseball soccer
hockey batman superman starwars trustno1 freedom whatever hello hellokitty michael jordan jennifer charlie thomas daniel
jessica ashley nicole matthew andrew joshua robert george computer internet secret changeme default system server
linli lin li linlipass community shequ shequ123 juweihui wangge wanggeyuan clerk treasurer secretary auditor gridworker
woaini woaiwojia wojiaoni nihao zhongguo china beijing shanghai shenzhen guangzhou tianjin chongqing hangzhou nanjing
wuhan chengdu xian zhang wang li zhao liu chen yang huang zhou wu xu sun hu zhu gao lin he guo ma luo liang song zheng
xie han tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng lv su lu jiang cai jia ding wei xue ye yan pan du
dai xia zhong tian ren fan fang shi yao tan liao zou xiong jin lu hao kong bai cui kang mao qiu qin gu hou shao meng
long wan duan lei qian tang yin li yi chang wu qiao he lai gong wen qq qq123 aini aiwo baobei laogong laopo xiaobao
xiaoming xiaohong mima mimamima mima123 woshishui tiantian kuaile xingfu pingan jiayou fighting sky blue red angel
summer winter spring autumn flower apple orange banana lemon tiger lion eagle cat dog`
  .split(/\s+/)
  .filter(Boolean);

const runs = [
  '0123456789',
  '1234567890',
  '9876543210',
  '0987654321',
  '147258369',
  '159357',
  '123123123',
  '321321',
  '5201314',
  '1314520',
  '520520',
  '131452',
  '1314',
  '520',
  '521',
  '666666',
  '888888',
  '168168',
  '518518',
  '246810',
];
const suffixes = [
  '',
  '1',
  '12',
  '123',
  '1234',
  '12345',
  '123456',
  '12345678',
  '123456789',
  '!',
  '1!',
  '123!',
  '@123',
  '.123',
  '_123',
  '-123',
  '!@#',
  '888',
  '666',
  '520',
  '1314',
  '5201314',
  '1314520',
  '2024',
  '2025',
  '2026',
  '@2025',
  '@2026',
  'abc',
];
const prefixes = ['', 'a'];

const out = new Set();
const add = (p) => {
  const v = p.toLowerCase();
  const classes = [/[a-z]/, /[0-9]/, /[^a-z0-9]/].filter((re) => re.test(v)).length;
  if (v.length >= 10 && classes >= 2) out.add(v);
};
for (const w of [...words, ...runs]) for (const s of suffixes) for (const p of prefixes) add(p + w + s);
for (const a of runs)
  for (const b of ['a', 'aa', 'abc', 'qwe', 'asd', 'zxc', 'qaz', 'q', 'z', 'x']) {
    add(b + a);
    add(a + b);
  }
// Doubled words and word + word (iloveyou123, passwordpassword1).
for (const w of words) for (const s of ['1', '123', '!']) add(w + w + s);

const list = [...out].sort();
fs.writeFileSync(new URL('./common-passwords.json', import.meta.url), JSON.stringify(list) + '\n');
console.log(`${list.length} passwords`);
