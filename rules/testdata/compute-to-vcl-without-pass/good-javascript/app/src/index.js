/// <reference types="@fastly/js-compute" />
import { CacheOverride } from "fastly:cache-override";

addEventListener("fetch", (event) => event.respondWith(handle(event)));

async function handle(event) {
  return fetch(event.request, {
    backend: "vcl",
    cacheOverride: new CacheOverride("pass"),
  });
}
