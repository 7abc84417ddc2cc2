import { Buffer } from "buffer";
import file0 from "../../.next/BUILD_ID?staticBinary";
import file1 from "../../.next/build-manifest.json?staticText";
import file2 from "../../.next/export-marker.json?staticText";
import file3 from "../../.next/images-manifest.json?staticText";
import file4 from "../../.next/next-server.js.nft.json?staticText";
import file5 from "../../.next/package.json?staticText";
import file6 from "../../.next/prerender-manifest.json?staticText";
import file7 from "../../.next/react-loadable-manifest.json?staticText";
import file8 from "../../.next/required-server-files.json?staticText";
import file9 from "../../.next/routes-manifest.json?staticText";
import file10 from "../../.next/server/chunks/675.js?staticText";
import * as fileModule10 from "../../.next/server/chunks/675.js";
import file11 from "../../.next/server/chunks/font-manifest.json?staticText";
import * as fileModule11 from "../../.next/server/chunks/font-manifest.json";
import file12 from "../../.next/server/font-manifest.json?staticText";
import * as fileModule12 from "../../.next/server/font-manifest.json";
import file13 from "../../.next/server/middleware-build-manifest.js?staticText";
import * as fileModule13 from "../../.next/server/middleware-build-manifest.js";
import file14 from "../../.next/server/middleware-manifest.json?staticText";
import * as fileModule14 from "../../.next/server/middleware-manifest.json";
import file15 from "../../.next/server/middleware-react-loadable-manifest.js?staticText";
import * as fileModule15 from "../../.next/server/middleware-react-loadable-manifest.js";
import file16 from "../../.next/server/pages/404.html?staticText";
import file17 from "../../.next/server/pages/500.html?staticText";
import file18 from "../../.next/server/pages/_app.js?staticText";
import * as fileModule18 from "../../.next/server/pages/_app.js";
import file19 from "../../.next/server/pages/_app.js.nft.json?staticText";
import * as fileModule19 from "../../.next/server/pages/_app.js.nft.json";
import file20 from "../../.next/server/pages/_document.js?staticText";
import * as fileModule20 from "../../.next/server/pages/_document.js";
import file21 from "../../.next/server/pages/_document.js.nft.json?staticText";
import * as fileModule21 from "../../.next/server/pages/_document.js.nft.json";
import file22 from "../../.next/server/pages/_error.js?staticText";
import * as fileModule22 from "../../.next/server/pages/_error.js";
import file23 from "../../.next/server/pages/_error.js.nft.json?staticText";
import * as fileModule23 from "../../.next/server/pages/_error.js.nft.json";
import file24 from "../../.next/server/pages/api/hello.js?staticText";
import * as fileModule24 from "../../.next/server/pages/api/hello.js";
import file25 from "../../.next/server/pages/api/hello.js.nft.json?staticText";
import * as fileModule25 from "../../.next/server/pages/api/hello.js.nft.json";
import file26 from "../../.next/server/pages/index.js?staticText";
import * as fileModule26 from "../../.next/server/pages/index.js";
import file27 from "../../.next/server/pages/index.js.nft.json?staticText";
import * as fileModule27 from "../../.next/server/pages/index.js.nft.json";
import file28 from "../../.next/server/pages-manifest.json?staticText";
import * as fileModule28 from "../../.next/server/pages-manifest.json";
import file29 from "../../.next/server/webpack-api-runtime.js?staticText";
import * as fileModule29 from "../../.next/server/webpack-api-runtime.js";
import file30 from "../../.next/server/webpack-runtime.js?staticText";
import * as fileModule30 from "../../.next/server/webpack-runtime.js";
import file31 from "../../.next/static/chunks/framework-ed075df0e0b45174.js?staticText";
import file32 from "../../.next/static/chunks/main-e7a7892cb0edc024.js?staticText";
import file33 from "../../.next/static/chunks/pages/_app-1a336683ff51f334.js?staticText";
import file34 from "../../.next/static/chunks/pages/_error-e4f561a102d9bb14.js?staticText";
import file35 from "../../.next/static/chunks/pages/index-1d047b42ded6b3da.js?staticText";
import file36 from "../../.next/static/chunks/polyfills-c67a75d1b6f99dc8.js?staticText";
import file37 from "../../.next/static/chunks/webpack-8fa1640cc84ba8fe.js?staticText";
import file38 from "../../.next/static/css/3231ebd47856b7e4.css?staticText";
import file39 from "../../.next/static/vaJHw4Olvxf7n5ovZTXaY/_buildManifest.js?staticText";
import file40 from "../../.next/static/vaJHw4Olvxf7n5ovZTXaY/_ssgManifest.js?staticText";
import file41 from "../../.next/trace?staticBinary";
import file42 from "../../README.md?staticBinary";
import file43 from "../../components/banner.js?staticText";
import file44 from "../../components/footer.js?staticText";
import file45 from "../../components/navbar.js?staticText";
import file46 from "../../components/products.js?staticText";
import file47 from "../../lib/abTesting.js?staticText";
import file48 from "../../lib/banner.js?staticText";
import file49 from "../../lib/devFastlyStub.js?staticText";
import file50 from "../../lib/products.js?staticText";
import file51 from "../../next.config.js?staticText";
import * as fileModule51 from "../../next.config.js";
import file52 from "../../package-lock.json?staticText";
import file53 from "../../package.json?staticText";
import file54 from "../../postcss.config.js?staticText";
import file55 from "../../public/favicon.ico?staticBinary";
import file56 from "../../public/vercel.svg?staticText";
import file57 from "../../styles/globals.css?staticText";
import file58 from "../../tailwind.config.js?staticText";
import file59 from "../../yarn.lock?staticBinary";

export const assets = {
  "/.next/BUILD_ID": { contentType: undefined, content: Buffer.from(file0, "base64"), module: null, isStatic: false },
  "/.next/build-manifest.json": { contentType: "application/json", content: file1, module: null, isStatic: false },
  "/.next/export-marker.json": { contentType: "application/json", content: file2, module: null, isStatic: false },
  "/.next/images-manifest.json": { contentType: "application/json", content: file3, module: null, isStatic: false },
  "/.next/next-server.js.nft.json": { contentType: "application/json", content: file4, module: null, isStatic: false },
  "/.next/package.json": { contentType: "application/json", content: file5, module: null, isStatic: false },
  "/.next/prerender-manifest.json": { contentType: "application/json", content: file6, module: null, isStatic: false },
  "/.next/react-loadable-manifest.json": { contentType: "application/json", content: file7, module: null, isStatic: false },
  "/.next/required-server-files.json": { contentType: "application/json", content: file8, module: null, isStatic: false },
  "/.next/routes-manifest.json": { contentType: "application/json", content: file9, module: null, isStatic: false },
  "/.next/server/chunks/675.js": { contentType: "application/javascript", content: file10, module: fileModule10, isStatic: false },
  "/.next/server/chunks/font-manifest.json": { contentType: "application/json", content: file11, module: fileModule11, isStatic: false },
  "/.next/server/font-manifest.json": { contentType: "application/json", content: file12, module: fileModule12, isStatic: false },
  "/.next/server/middleware-build-manifest.js": { contentType: "application/javascript", content: file13, module: fileModule13, isStatic: false },
  "/.next/server/middleware-manifest.json": { contentType: "application/json", content: file14, module: fileModule14, isStatic: false },
  "/.next/server/middleware-react-loadable-manifest.js": { contentType: "application/javascript", content: file15, module: fileModule15, isStatic: false },
  "/.next/server/pages/404.html": { contentType: "text/html", content: file16, module: null, isStatic: false },
  "/.next/server/pages/500.html": { contentType: "text/html", content: file17, module: null, isStatic: false },
  "/.next/server/pages/_app.js": { contentType: "application/javascript", content: file18, module: fileModule18, isStatic: false },
  "/.next/server/pages/_app.js.nft.json": { contentType: "application/json", content: file19, module: fileModule19, isStatic: false },
  "/.next/server/pages/_document.js": { contentType: "application/javascript", content: file20, module: fileModule20, isStatic: false },
  "/.next/server/pages/_document.js.nft.json": { contentType: "application/json", content: file21, module: fileModule21, isStatic: false },
  "/.next/server/pages/_error.js": { contentType: "application/javascript", content: file22, module: fileModule22, isStatic: false },
  "/.next/server/pages/_error.js.nft.json": { contentType: "application/json", content: file23, module: fileModule23, isStatic: false },
  "/.next/server/pages/api/hello.js": { contentType: "application/javascript", content: file24, module: fileModule24, isStatic: false },
  "/.next/server/pages/api/hello.js.nft.json": { contentType: "application/json", content: file25, module: fileModule25, isStatic: false },
  "/.next/server/pages/index.js": { contentType: "application/javascript", content: file26, module: fileModule26, isStatic: false },
  "/.next/server/pages/index.js.nft.json": { contentType: "application/json", content: file27, module: fileModule27, isStatic: false },
  "/.next/server/pages-manifest.json": { contentType: "application/json", content: file28, module: fileModule28, isStatic: false },
  "/.next/server/webpack-api-runtime.js": { contentType: "application/javascript", content: file29, module: fileModule29, isStatic: false },
  "/.next/server/webpack-runtime.js": { contentType: "application/javascript", content: file30, module: fileModule30, isStatic: false },
  "/.next/static/chunks/framework-ed075df0e0b45174.js": { contentType: "application/javascript", content: file31, module: null, isStatic: false },
  "/.next/static/chunks/main-e7a7892cb0edc024.js": { contentType: "application/javascript", content: file32, module: null, isStatic: false },
  "/.next/static/chunks/pages/_app-1a336683ff51f334.js": { contentType: "application/javascript", content: file33, module: null, isStatic: false },
  "/.next/static/chunks/pages/_error-e4f561a102d9bb14.js": { contentType: "application/javascript", content: file34, module: null, isStatic: false },
  "/.next/static/chunks/pages/index-1d047b42ded6b3da.js": { contentType: "application/javascript", content: file35, module: null, isStatic: false },
  "/.next/static/chunks/polyfills-c67a75d1b6f99dc8.js": { contentType: "application/javascript", content: file36, module: null, isStatic: false },
  "/.next/static/chunks/webpack-8fa1640cc84ba8fe.js": { contentType: "application/javascript", content: file37, module: null, isStatic: false },
  "/.next/static/css/3231ebd47856b7e4.css": { contentType: "text/css", content: file38, module: null, isStatic: false },
  "/.next/static/vaJHw4Olvxf7n5ovZTXaY/_buildManifest.js": { contentType: "application/javascript", content: file39, module: null, isStatic: false },
  "/.next/static/vaJHw4Olvxf7n5ovZTXaY/_ssgManifest.js": { contentType: "application/javascript", content: file40, module: null, isStatic: false },
  "/.next/trace": { contentType: undefined, content: Buffer.from(file41, "base64"), module: null, isStatic: false },
  "/README.md": { contentType: undefined, content: Buffer.from(file42, "base64"), module: null, isStatic: false },
  "/components/banner.js": { contentType: "application/javascript", content: file43, module: null, isStatic: false },
  "/components/footer.js": { contentType: "application/javascript", content: file44, module: null, isStatic: false },
  "/components/navbar.js": { contentType: "application/javascript", content: file45, module: null, isStatic: false },
  "/components/products.js": { contentType: "application/javascript", content: file46, module: null, isStatic: false },
  "/lib/abTesting.js": { contentType: "application/javascript", content: file47, module: null, isStatic: false },
  "/lib/banner.js": { contentType: "application/javascript", content: file48, module: null, isStatic: false },
  "/lib/devFastlyStub.js": { contentType: "application/javascript", content: file49, module: null, isStatic: false },
  "/lib/products.js": { contentType: "application/javascript", content: file50, module: null, isStatic: false },
  "/next.config.js": { contentType: "application/javascript", content: file51, module: fileModule51, isStatic: false },
  "/package-lock.json": { contentType: "application/json", content: file52, module: null, isStatic: false },
  "/package.json": { contentType: "application/json", content: file53, module: null, isStatic: false },
  "/postcss.config.js": { contentType: "application/javascript", content: file54, module: null, isStatic: false },
  "/public/favicon.ico": { contentType: "image/vnd.microsoft.icon", content: Buffer.from(file55, "base64"), module: null, isStatic: false },
  "/public/vercel.svg": { contentType: "image/svg+xml", content: file56, module: null, isStatic: false },
  "/styles/globals.css": { contentType: "text/css", content: file57, module: null, isStatic: false },
  "/tailwind.config.js": { contentType: "application/javascript", content: file58, module: null, isStatic: false },
  "/yarn.lock": { contentType: undefined, content: Buffer.from(file59, "base64"), module: null, isStatic: false },
};

export const spaFile = false;

export const notFoundPageFile = false;

export const autoIndex = [];

export const autoExt = [];
