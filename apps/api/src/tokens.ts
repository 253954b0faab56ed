export const JWT_ISSUER = 'shipshape';
export const JWT_AUDIENCE = 'shipshape-api';
/** Access tokens are short-lived; the refresh cookie renews them. */
export const ACCESS_TOKEN_TTL = '15m';
export const MIN_JWT_SECRET_LENGTH = 32;
