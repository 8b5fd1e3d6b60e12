/** Interface strings of the command pages (zh-CN is the reference shape). */
export const commandZh = {};

export const commandEn: typeof commandZh = {};
