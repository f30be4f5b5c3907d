import type { JSX } from 'preact';
import { AdminLayout } from './AdminLayout.js';
import type { AdminViewContext } from './view-context.js';

interface DashboardProps {
  ctx: AdminViewContext;
  /**
   * Panels contributed by the admin features (drafts, items in review,
   * scheduled items…), in the order the features were registered.
   */
  panels: JSX.Element[];
}

/**
 * The admin's home: a welcome, the panels of the features, and a link to each
 * section this person may open.
 */
export function DashboardPage({ ctx, panels }: DashboardProps) {
  const { t, user } = ctx;
  const sections = ctx.nav.filter((item) => item.href !== '/admin');
  return (
    <AdminLayout ctx={ctx} title={t('admin.dashboard.title')}>
      <h1>{t('admin.dashboard.title')}</h1>
      {user ? (
        <p class="lead">
          {t('admin.dashboard.welcome', { name: user.name })} {t('admin.dashboard.role', { role: t(`admin.role.${user.role}`) })}
        </p>
      ) : null}
      {panels.length > 0 ? <div class="dashboard-panels">{panels}</div> : null}
      <section aria-labelledby="dashboard-sections">
        <h2 id="dashboard-sections">{t('admin.dashboard.sections')}</h2>
        <ul class="section-links">
          {sections.map((item) => (
            <li>
              <a href={item.href}>{item.label}</a>
            </li>
          ))}
          <li>
            <a href="/admin/account">{t('admin.dashboard.accountLink')}</a>
          </li>
        </ul>
      </section>
    </AdminLayout>
  );
}
