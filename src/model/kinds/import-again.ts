/** How a fix for an object import cannot declare ends: change the tenant, then import again. */
export const IMPORT_AGAIN = 'then import again';
