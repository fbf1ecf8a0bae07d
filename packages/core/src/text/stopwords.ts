// Words that say nothing about the subject of a petition: function words, pronouns, the politeness of a
// letter and the formulas of a hotline transcript. Removed from tokens before classification and shingling.

const WORDS = `
的 了 着 过 地 得 之 也 都 就 还 又 再 才 只 很 太 更 最 已 已经 曾 曾经 正在 在 是 有 没 没有 不 不是 无
和 与 及 以及 或 或者 跟 同 并 并且 而 而且 但 但是 可 可是 可以 却 如果 因为 所以 因此 于是 然后 虽然 即使
把 被 给 让 对 对于 向 从 自 到 往 于 由 为 为了 以 将 按 按照 关于 等 等等 之后 以后 以前 之前 后来 现在
我 我们 你 你们 您 他 他们 她 她们 它 它们 其 其他 自己 本人 大家 咱们 人家 别人 这 那 这个 那个 这些 那些
这样 那样 这里 那里 这么 那么 什么 怎么 怎么办 怎样 如何 为什么 哪 哪里 谁 多少 几 一个 一些 一下 一次 一直
个 些 种 次 位 名 户 点 下 上 中 里 内 外 前 后 时 时候 年 月 日 号 天 今年 去年 前年 今天 昨天 上个月
吗 呢 吧 啊 呀 嘛 哦 啦 么 呗 罢了 而已 的话 一样 似的
很多 非常 特别 十分 真的 实在 确实 根本 一点 有点 还是 只是 就是 也是 都是 不能 不会 不要 能 会 要 想 应 应该
说 讲 称 表示 认为 觉得 知道 请 恳请 来电 来电人 来访 来访人 来信 市民 群众 领导 尊敬
您好 你好 谢谢 感谢 此致 敬礼 盼复 特此 情况 问题 事情 相关 有关 部门 进行 处理 解决 工作 一 二 三 四 五 六
七 八 九 十 百 千 万 两 TEL IDNO
`;

/** The stopword list (simplified characters, as produced by `normalise`). */
export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));
