import { KVStore } from "fastly:kv-store";
import { SecretStore } from "fastly:secret-store";

const KV: string = "usernames";
const SECRETS = "keys";

export async function handler(req: Request): Promise<Response> {
  const kv = new KVStore(KV);
  const secrets = new SecretStore(SECRETS);
  return fetch(req, { backend: "apii" });
}
