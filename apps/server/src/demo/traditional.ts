// Simplified -> traditional conversion for the few demo petitions written in traditional characters (some
// residents type that way). Only characters whose traditional form is unambiguous in petition language are
// converted; the rest stay as they are, which is also how such texts look in practice.

const PAIRS =
  '们們来來这這个個时時说說对對会會从從还還没沒发發钱錢给給让讓问問题題请請员員门門间間长長开開关關过過现現' +
  '实實应應该該样樣经經总總话話办辦导導领領区區县縣镇鎮乡鄉楼樓栋棟单單户戶号號买買卖賣价價费費资資补補偿償' +
  '迁遷征徵协協议議签簽订訂约約证證书書产產权權业業务務劳勞动動监監农農厂廠车車场場厅廳医醫疗療药藥师師学學' +
  '儿兒亲親妈媽爷爺岁歲养養险險卫衛环環声聲气氣尘塵处處结結负負责責谁誰为為么麼东東边邊后後着著无無认認识識' +
  '记記录錄电電联聯统統计計划劃规規则則标標级級设設备備维維护護积積极極难難网網络絡贷貸银銀帐帳账賬据據纪紀' +
  '举舉报報贪貪违違执執审審决決诉訴讼訟阳陽态態质質检檢验驗显顯虽雖几幾万萬亿億两兩块塊节節热熱烟煙饭飯馆館' +
  '饿餓头頭脑腦伤傷残殘贫貧帮幫够夠进進运運输輸货貨递遞邮郵盖蓋续續断斷变變换換离離孙孫吗嗎听聽见見觉覺写寫' +
  '读讀课課试試职職称稱岗崗宽寬桥橋树樹园園广廣绿綠灯燈红紅黄黃蓝藍线線铁鐵墙牆顶頂层層渗滲缝縫砖磚厕廁厨廚' +
  '饮飲汤湯讲講归歸属屬辖轄乱亂条條罚罰恶惡骗騙谎謊扬揚压壓胁脅闹鬧骂罵赔賠损損灾災浇澆坝壩闸閘种種粮糧猪豬' +
  '鸡雞鱼魚亩畝机機贴貼恳懇谢謝论論际際销銷殡殯丧喪鉴鑑纠糾纷紛调調访訪转轉岭嶺屿嶼湾灣泽澤华華达達兴興锦錦' +
  '丰豐顺順诚誠远遠庄莊涛濤龙龍凤鳳宝寶汇匯腾騰众眾启啟荣榮润潤枫楓鸣鳴荫蔭沟溝双雙马馬临臨鹭鷺钢鋼项項术術' +
  '围圍宁寧静靜乐樂兰蘭贵貴军軍国國伟偉强強刚剛鹏鵬丽麗艳艷义義庆慶胜勝亚亞杰傑满滿仓倉纳納缴繳辆輛驾駕驶駛' +
  '贿賄赂賂礼禮购購优優亏虧响響扰擾采採涂塗别別尽盡库庫应應叶葉递遞欠欠拖拖补補锁鎖钥鑰匙匙闻聞阶階础礎' +
  '梦夢织織罗羅贸貿递遞邻鄰居居区區试試验驗岁歲带帶领領导導济濟营營厌厭挡擋摊攤贩販脏髒洁潔净淨';

const MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const s = chars[i] as string;
    const t = chars[i + 1] as string;
    if (s !== t) m.set(s, t);
  }
  return m;
})();

/** Converts the unambiguous simplified characters of a text to their traditional forms. */
export function toTraditional(text: string): string {
  let out = '';
  for (const ch of text) out += MAP.get(ch) ?? ch;
  return out;
}
