/** Interface strings of the inbox pages (zh-CN is the reference shape). */
export const notificationsZh = {};

export const notificationsEn: typeof notificationsZh = {};
