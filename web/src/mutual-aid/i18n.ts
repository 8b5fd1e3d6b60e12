/** Interface strings of the mutual-aid pages (zh-CN is the reference shape). */
export const mutualAidZh = {};

export const mutualAidEn: typeof mutualAidZh = {};
