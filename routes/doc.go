// Package routes works out where every backend's requests go and the
// chain graph they form. Fastly routes a request by its Host header, so a
// backend whose address is a Fastly domain or hostname reaches the service
// that owns the Host it sends (vclmodel.EffectiveHost decides which Host);
// DomainIndex resolves that, and Chains is the derived view rules need:
// routes, edges between services, strongly connected components (loops)
// and path maxima, all in time linear in services + routes.
package routes
