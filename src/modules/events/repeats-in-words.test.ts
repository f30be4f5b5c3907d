import { describe } from 'node:test';
import { translator } from '../i18n/index.js';
import { casesOf } from '../../../test/helpers/cases.js';
import { repeatsInWords } from './recurrence-fields.js';

/** Each case: a stored rule and its event's start date (a Tuesday, 16 March 2027), in both languages. */
const inBoth = (rule: string) => ({
  en: repeatsInWords(rule, '2027-03-16', 'en', translator('en')),
  vi: repeatsInWords(rule, '2027-03-16', 'vi', translator('vi')),
});

describe('how a recurring event repeats, in words', () => {
  casesOf(inBoth, {
    'weekly on the weekdays ticked, or the start date\'s, every week or every so many': [
      ['FREQ=WEEKLY;BYDAY=TU', { en: 'Every week on Tuesday', vi: 'Hằng tuần vào thứ Ba' }],
      ['FREQ=WEEKLY', { en: 'Every week on Tuesday', vi: 'Hằng tuần vào thứ Ba' }],
      ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', { en: 'Every 2 weeks on Monday and Thursday', vi: 'Cứ 2 tuần một lần vào thứ Hai và thứ Năm' }],
      ['FREQ=WEEKLY;BYDAY=SU,MO,WE', { en: 'Every week on Monday, Wednesday and Sunday', vi: 'Hằng tuần vào thứ Hai, thứ Tư và Chủ nhật' }],
    ],
    'monthly on a day of the month, or on the first … last of a weekday': [
      ['FREQ=MONTHLY;BYMONTHDAY=12', { en: 'Every month on day 12', vi: 'Hằng tháng vào ngày 12' }],
      ['FREQ=MONTHLY', { en: 'Every month on day 16', vi: 'Hằng tháng vào ngày 16' }],
      ['FREQ=MONTHLY;BYDAY=+2TU', { en: 'Every month on the second Tuesday', vi: 'Hằng tháng vào thứ Ba thứ hai của tháng' }],
      ['FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR', { en: 'Every 3 months on the last Friday', vi: 'Cứ 3 tháng một lần vào thứ Sáu cuối cùng của tháng' }],
    ],
    'ending on a date or after a number of sessions': [
      ['FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630', { en: 'Every week on Tuesday until 30 June 2027', vi: 'Hằng tuần vào thứ Ba đến ngày 30 tháng 6, 2027' }],
      ['FREQ=MONTHLY;BYMONTHDAY=12;COUNT=6', { en: 'Every month on day 12, 6 sessions', vi: 'Hằng tháng vào ngày 12, 6 buổi' }],
      ['FREQ=WEEKLY;COUNT=1', { en: 'Every week on Tuesday, 1 session', vi: 'Hằng tuần vào thứ Ba, 1 buổi' }],
    ],
    'a rule the form cannot say points to the sessions instead': [
      ['FREQ=DAILY;COUNT=5', { en: 'Repeats (see the sessions below)', vi: 'Có lặp lại (xem các buổi bên dưới)' }],
      ['FREQ=MONTHLY;BYMONTHDAY=1,15', { en: 'Repeats (see the sessions below)', vi: 'Có lặp lại (xem các buổi bên dưới)' }],
      ['not a rule', { en: 'Repeats (see the sessions below)', vi: 'Có lặp lại (xem các buổi bên dưới)' }],
    ],
  });
  casesOf((rule: string) => repeatsInWords(rule, '2027-03-16', 'en', translator('en'), { count: false }), {
    'without the count, when the page counts the sessions held itself; a last date is kept': [
      ['FREQ=MONTHLY;BYMONTHDAY=12;COUNT=6', 'Every month on day 12'],
      ['FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630', 'Every week on Tuesday until 30 June 2027'],
    ],
  });
});
