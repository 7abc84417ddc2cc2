/// <reference types="@fastly/js-compute" />
import { KVStore } from "fastly:kv-store";
import { ConfigStore } from "fastly:config-store";

const STORE = "user-names";
// new KVStore("commented-out")
const decoy = "new KVStore('in-a-string')";
const tpl = `new KVStore("in-a-template")`;

addEventListener("fetch", (event) => event.respondWith(handle(event)));

async function handle(event) {
  const kv = new KVStore(STORE);
  const cfg = new ConfigStore('settings');
  return fetch(event.request, { backend: "origin", cacheOverride: undefined });
}
