/** Interface strings of the warnings pages (zh-CN is the reference shape). */
export const warningsZh = {};

export const warningsEn: typeof warningsZh = {};
