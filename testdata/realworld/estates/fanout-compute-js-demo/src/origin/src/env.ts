export const GRIP_URL = 'http://localhost:5561/?backend=grip-publisher';

export const PERSISTENCE_URL_BASE = 'http://localhost:3001/';
export const PERSISTENCE_BACKEND = 'backend-persistence';
