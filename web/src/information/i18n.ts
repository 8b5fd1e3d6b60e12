/** Interface strings of the information pages (zh-CN is the reference shape). */
export const informationZh = {};

export const informationEn: typeof informationZh = {};
