import { homePath } from '../http/paths.js';
import { Layout } from './Layout.js';
import type { ViewContext } from './view-context.js';

interface ErrorPageProps {
  ctx: ViewContext;
  status: number;
  /** Shown for 4xx only: server errors never reveal their cause. */
  message?: string | undefined;
  requestId: string;
}

/** 404, 4xx and 5xx pages: real pages with the site's navigation, never a stack trace. */
export function ErrorPage({ ctx, status, message, requestId }: ErrorPageProps) {
  const { t } = ctx;
  const title =
    status === 404 ? t('error.notFoundTitle') : status >= 500 ? t('error.serverTitle') : t('error.badRequestTitle');
  const body = status === 404 ? t('error.notFoundBody') : status >= 500 ? t('error.serverBody') : message;
  return (
    <Layout ctx={ctx} title={title} noindex>
      <h1>{title}</h1>
      {body ? <p class="lead">{body}</p> : null}
      {status >= 500 ? <p class="muted">{t('error.reference', { id: requestId })}</p> : null}
      <p>
        <a href={homePath(ctx.lang)}>{t('error.goHome')}</a>
      </p>
    </Layout>
  );
}
