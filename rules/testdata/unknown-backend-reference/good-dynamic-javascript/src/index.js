/// <reference types="@fastly/js-compute" />
import { Backend } from "fastly:backend";

addEventListener("fetch", (event) => event.respondWith(handle(event)));

async function handle(event) {
  // A dynamic backend, registered by name at run time.
  const origin = new Backend({ name: "origin_dyn", target: "origin.example.com", useSSL: true });
  if (new URL(event.request.url).pathname.startsWith("/api")) {
    return fetch(event.request, { backend: "api" });
  }
  return fetch(event.request, { backend: "origin_dyn" });
}
