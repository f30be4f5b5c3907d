/** How many items a listing shows per page: the office's own pages show 20. */
export const PAGE_SIZE = 20;

export interface PageInfo {
  page: number;
  pages: number;
  pageSize: number;
  total: number;
  offset: number;
}

/** Page arithmetic for a listing of `total` items; there is always at least one page. */
export function pageInfo(page: number, total: number, pageSize = PAGE_SIZE): PageInfo {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return { page, pages, pageSize, total, offset: (page - 1) * pageSize };
}
