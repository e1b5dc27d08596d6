// Buttons and button-looking links; all at least 44px high (see theme.css).

import type { AnchorHTMLAttributes, ButtonHTMLAttributes } from 'react';
import { Link, type LinkProps } from 'react-router-dom';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export function Button({ variant = 'secondary', className, type = 'button', ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={`btn btn-${variant}${className ? ` ${className}` : ''}`} {...rest} />;
}

export function LinkButton({ variant = 'secondary', className, ...rest }: LinkProps & { variant?: ButtonVariant }) {
  return <Link className={`btn btn-${variant}${className ? ` ${className}` : ''}`} {...rest} />;
}

export function ExternalLinkButton({ variant = 'secondary', className, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: ButtonVariant }) {
  return <a className={`btn btn-${variant}${className ? ` ${className}` : ''}`} {...rest} />;
}
