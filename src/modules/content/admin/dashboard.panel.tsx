/** The dashboard panel of editing work, for the admin shell. */
import type { DashboardPanel } from '../../admin/index.js';
import { dashboardLists } from '../dashboard.js';
import { WorkPanel } from './dashboard.views.js';

export const workPanel: DashboardPanel = async ({ ctx, deps }) => {
  if (!ctx.user) return null;
  const lists = await dashboardLists(deps.db, ctx.user, deps.now(), deps.today());
  return <WorkPanel ctx={ctx} lists={lists} zone={deps.config.OFFICE_TIME_ZONE} />;
};
