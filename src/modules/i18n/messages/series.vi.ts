/** Interface text in Vietnamese: a series of events and its page. Same keys as series.en.ts. */
import type { seriesEn } from './series.en.js';

export const seriesVi: Record<keyof typeof seriesEn, string> = {
  'series.kind': 'Chuỗi sự kiện',
  'series.upcoming': 'Các buổi sắp diễn ra',
  'series.noUpcoming': 'Hiện chưa có buổi nào được lên kế hoạch.',
  'series.past': 'Các buổi đã diễn ra',
  'series.noPast': 'Chưa có buổi nào diễn ra.',
  'series.sessionMoved': 'Dời từ ngày {date}',
  'series.sessionCancelled': 'Đã hủy',
  'series.subscribe': 'Theo dõi lịch của chuỗi sự kiện này',
  'series.partOf': 'Thuộc chuỗi sự kiện {name}',
  'series.previousSession': 'Buổi trước',
  'series.nextSession': 'Buổi tiếp theo',
};
