/** Interface strings of the tasks pages (zh-CN is the reference shape). */
export const tasksZh = {};

export const tasksEn: typeof tasksZh = {};
