// Set by sign-up for the page the new account returns to; read (and cleared) there by the welcome banner. It holds
// only the role chosen, so it is readable by the page's script and carries nothing worth protecting.
export const WELCOME_COOKIE = 'goalpost-welcome';
