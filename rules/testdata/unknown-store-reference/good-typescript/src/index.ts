import { KVStore } from "fastly:kv-store";
import { SecretStore } from "fastly:secret-store";

const KV: string = "usernames";

export async function handler(req: Request): Promise<Response> {
  const kv = new KVStore(KV);
  const settings = new ConfigStore("settings");
  return fetch(req, { backend: "api" });
}
