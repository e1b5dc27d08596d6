// An address that matches no screen. Inside a tafel it sits in the frame (inline).

import { LinkButton } from '../components/Button';
import { strings } from '../strings';

export function NotFound({ inline = false }: { inline?: boolean }) {
  const body = (
    <>
      <h1>{strings.notFound.titel}</h1>
      <p>{strings.notFound.uitleg}</p>
      <LinkButton to={inline ? '..' : '/'} variant="primary">
        {strings.notFound.naarHome}
      </LinkButton>
    </>
  );
  if (inline) return <div className="page">{body}</div>;
  return (
    <main className="app-main page" id="main">
      {body}
    </main>
  );
}
