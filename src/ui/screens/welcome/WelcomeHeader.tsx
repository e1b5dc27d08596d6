// The header of the screens outside a tafel (tafels on this device, joining).

import { Link } from 'react-router-dom';
import { strings } from '../../strings';

export function WelcomeHeader() {
  return (
    <header className="app-header">
      <Link className="app-title" to="/">
        <span>{strings.app.naam}</span>
        <small>{strings.app.ondertitel}</small>
      </Link>
    </header>
  );
}
