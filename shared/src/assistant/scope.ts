/**
 * What lies outside a life insurer's customer service, decided by vocabulary rather than by the
 * models: out-of-scope questions are unbounded (weather, stocks, recipes), so no set of examples
 * can cover them, but in-scope questions nearly always use one of a small set of words.
 */

/**
 * Words (or characters) at least one of which appears in practically every service question.
 * A message with none of them cannot be a service request, whatever the models' ranking. Broad on
 * purpose: a word wrongly listed only leaves the decision to the models.
 */
const SERVICE_ANCHORS =
  /保|险|贷|借|还|赔|缴|交|扣|退|领|红|受益|回访|访|刷脸|脸|认证|投诉|人工|客服|真人|机器人|手机|电话|号|地址|搬家|邮箱|邮件|信函|短信|卡|账户|额度|报销|住院|病|产品|业务员|销售|服务|合同|理财|养老|年金|重疾|医疗|意外|孩子|宝宝|生存金|利息|到账|钱|报|伤|车祸|骨折|手术|确诊|医院|出事|身故|去世|信|寄|订阅|对账单|报告|联系|态度|不满|坑|骗|差劲|太差|工作人员|找个人|解约|欠费|年龄|投保|收益|终身|发票|出险|报案|推销|骚扰|垃圾|差评|烂|网点|营业厅|柜面|柜台|门店|总部|建议|意见|吐槽|反馈/;

/**
 * Other companies' products and other financial services: a question about them is out of scope
 * even though it uses service words (花呗怎么还款, 车险出险怎么报案).
 */
const OTHER_PROVIDERS =
  /花呗|借呗|白条|微粒贷|信用卡|房贷|车贷|网贷|消费贷|车险|交强险|商业险|社保|医保|公积金|股票|股市|大盘|指数|基金|汇率|彩票|别家|别的公司|其他公司|其它公司|平安|人保|太平洋|泰康|众安/;

/** Words that tie a message to the customer's own life policy despite a mention of another provider. */
const OWN_POLICY = /保单|保费|分红|受益人|退保|回访|刷脸|续期|你们公司|贵公司/;

/** Greetings and courtesies that make a message small talk when nothing in it is a service request. */
const GREETING_OPENER =
  /^(你好|您好|哈喽|哈啰|嗨|hi|hello|早上好|上午好|中午好|下午好|晚上好|早安|午安|晚安|早啊|在吗|在不在|有人吗|谢谢|多谢|感谢|好的|好滴|好嘞|好吧|行吧|收到|明白|懂了|知道了|再见|拜拜|88|ok|嗯|哦|辛苦|你是谁|你叫|你是机器人|你真|厉害|哈哈|嘿嘿|呵呵|谢啦|谢了|3q|thx|thanks)/;

/** True when a (normalised) message cannot be a service request. */
export function isOutsideService(normalised: string): boolean {
  if (!SERVICE_ANCHORS.test(normalised)) return true;
  return OTHER_PROVIDERS.test(normalised) && !OWN_POLICY.test(normalised);
}

export function opensWithGreeting(normalised: string): boolean {
  return GREETING_OPENER.test(normalised);
}
