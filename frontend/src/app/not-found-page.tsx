import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useMessages } from '@/shared/i18n';
import { appMessages } from './messages';
import { paths } from './paths';

export function NotFoundPage() {
  const t = useMessages(appMessages);
  return (
    <Result
      status="404"
      title={t.notFoundTitle}
      subTitle={t.notFoundText}
      extra={
        <Link to={paths.overview}>
          <Button type="primary">{t.backHome}</Button>
        </Link>
      }
    />
  );
}
