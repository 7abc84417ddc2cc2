// Package memo caches parse results by content, so that a long-running
// front end (the language server) re-parses only the files that changed
// between two analyses. Parsed documents are never mutated after parsing,
// so one result can serve every analysis that sees the same bytes. A nil
// *Cache parses every time: the command line keeps no cache.
package memo

import (
	"crypto/sha256"
	"hash/maphash"
	"runtime"
	"sync"
	"weak"
)

// Cache maps (kind, content) to a parse result.
type Cache struct {
	mu      sync.Mutex
	entries map[key]*entry
	// transient marks a cache that lives for one load only.
	transient bool
	// used marks entries read since the last Sweep.
	hits, misses int
	// parsed holds a hash of each content GetWeak parsed (transient).
	parsed map[uint64]bool
}

// key is a content's kind and either its digest (content given as
// bytes), the content itself (given as a string, which can be a map key
// without a copy), or, for GetWeak's entries in a transient cache, a
// 128-bit hash of it (an entry must not hold the content: GetWeak).
type key struct {
	kind string
	sum  [32]byte
	text string
	hash [2]uint64
}

type entry struct {
	value any
	used  bool
}

// New returns an empty cache.
func New() *Cache { return &Cache{entries: map[key]*entry{}} }

// NewTransient returns an empty cache for one load: it hands the parallel
// read-ahead's parses to the loaders, and tells them (Persistent is false)
// that nothing will ask for a file again, so a loader may stream a large
// file instead of keeping its whole parse.
func NewTransient() *Cache { c := New(); c.transient = true; return c }

// Persistent reports whether the cache outlives the load (the language
// server's): whole-file parses are worth keeping in it.
func (c *Cache) Persistent() bool { return c != nil && !c.transient }

// Get returns the cached result of parse for content, parsing on a miss.
func (c *Cache) Get(kind string, content []byte, parse func() any) any {
	if c == nil {
		return parse()
	}
	return c.get(key{kind: kind, sum: sha256.Sum256(content)}, parse, false)
}

// GetString is Get for content held as a string (a value inside a parsed
// file, such as a VCL snippet): neither copied nor hashed up front.
func (c *Cache) GetString(kind, content string, parse func() any) any {
	if c == nil {
		return parse()
	}
	return c.get(key{kind: kind, text: content}, parse, false)
}

// GetWeak is GetString for a large result that a transient cache should
// not keep alive: it is shared while something else holds it (the same
// VCL file in several services read at once) and parsed again once the
// collector has taken it. Its entry goes when the result does
// (runtime.AddCleanup), and is keyed by a hash of the content, never the
// content: a service's decoded VCL is released once the service is read,
// and must not stay as a key.
//
// Content asked for again after its result was collected is shared
// (the same snippet in many services): its second result is kept, as
// GetString keeps one, so that it is parsed twice at most. The cache
// remembers a hash of each content it parsed for that.
//
// A persistent cache keeps every result, as GetString does.
func GetWeak[T any](c *Cache, kind, content string, parse func() *T) *T {
	if c == nil {
		return parse()
	}
	if !c.transient {
		return c.GetString(kind, content, func() any { return parse() }).(*T)
	}
	// The key is a hash of the content under two seeds, not the content:
	// a key holding a service's decoded VCL would keep it until the
	// result's cleanup has run, a collection or two after the service
	// was read (2,000 services' 10 KB of VCL held 3.4 MB so). Two
	// contents share a key with a chance of about n²/2¹²⁹, and the seeds
	// are the process's own, so no input can be made to collide.
	k := weakKey(kind, content)
	v, again := lookup[T](c, k)
	if v != nil {
		return v
	}
	v = parse()
	if again {
		c.mu.Lock()
		c.entries[k] = &entry{value: v, used: true}
		c.mu.Unlock()
		return v
	}
	e := &entry{value: weak.Make(v), used: true}
	c.mu.Lock()
	c.entries[k] = e
	c.mu.Unlock()
	runtime.AddCleanup(v, func(k key) {
		c.mu.Lock()
		if c.entries[k] == e { // not parsed again since
			delete(c.entries, k)
		}
		c.mu.Unlock()
	}, k)
	return v
}

// GetOwn is GetWeak for a caller that can parse into memory of its own
// (own), read the result and let go of it before it parses again: content
// this transient cache has not parsed before is parsed by own and not
// cached (mine is true: the result is the caller's, and no one else's);
// content parsed before, by parse, and kept, as GetWeak keeps content
// parsed again. A cache that is nil or outlives its load (not transient)
// is GetWeak's.
func GetOwn[T any](c *Cache, kind, content string, own, parse func() *T) (v *T, mine bool) {
	if c == nil || !c.transient {
		return GetWeak(c, kind, content, parse), false
	}
	k := weakKey(kind, content)
	v, again := lookup[T](c, k)
	if v != nil {
		return v, false
	}
	if !again {
		return own(), true
	}
	v = parse()
	c.mu.Lock()
	c.entries[k] = &entry{value: v, used: true}
	c.mu.Unlock()
	return v, false
}

// weakKey is the key of content of kind in a transient cache: a hash of
// it under two seeds (GetWeak).
func weakKey(kind, content string) key {
	return key{kind: kind, hash: [2]uint64{hashOf(hashSeed, kind, content), hashOf(keySeed, kind, content)}}
}

// lookup returns the result of type T the cache holds for k (nil for
// none: never held, or collected) or, when it holds none, whether k's
// content was parsed before (again), recording that it is parsed now.
func lookup[T any](c *Cache, k key) (v *T, again bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[k]; ok {
		switch ev := e.value.(type) {
		case weak.Pointer[T]:
			v = ev.Value()
		case *T:
			v = ev
		}
		if v != nil {
			e.used = true
			c.hits++
			return v, false
		}
	}
	c.misses++
	if c.parsed == nil {
		c.parsed = map[uint64]bool{}
	}
	h := k.hash[0]
	again = c.parsed[h]
	c.parsed[h] = true
	return nil, again
}

// hashSeed seeds the hashes of the contents a transient cache parsed;
// keySeed, with it, GetWeak's keys.
var hashSeed, keySeed = maphash.MakeSeed(), maphash.MakeSeed()

// hashOf hashes a kind and a content under a seed.
func hashOf(seed maphash.Seed, kind, content string) uint64 {
	var mh maphash.Hash
	mh.SetSeed(seed)
	mh.WriteString(kind)
	mh.WriteByte(0)
	mh.WriteString(content)
	return mh.Sum64()
}

// Take is Get for a whole file's parse, which one loader reads once: a
// transient cache hands over what a Get put there ahead (on the parallel
// read-ahead) and forgets it, or parses without keeping the result, so
// that the parse is garbage as soon as the loader is done with it. (Get
// keeps results: the same snippet in many services is parsed once.) A
// persistent cache keeps it, as Get does.
func (c *Cache) Take(kind string, content []byte, parse func() any) any {
	if c == nil {
		return parse()
	}
	return c.get(key{kind: kind, sum: sha256.Sum256(content)}, parse, true)
}

func (c *Cache) get(k key, parse func() any, take bool) any {
	c.mu.Lock()
	if e, ok := c.entries[k]; ok {
		e.used = true
		if take && c.transient {
			delete(c.entries, k)
		}
		c.hits++
		c.mu.Unlock()
		return e.value
	}
	c.misses++
	c.mu.Unlock()
	v := parse()
	if take && c.transient {
		return v // handed over at once: nothing to keep
	}
	c.mu.Lock()
	c.entries[k] = &entry{value: v, used: true}
	c.mu.Unlock()
	return v
}

// Sweep drops the entries no Get asked for since the last Sweep, so the
// cache holds what the last analysis parsed and no more.
func (c *Cache) Sweep() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.entries {
		if !e.used {
			delete(c.entries, k)
		}
		e.used = false
	}
}

// Stats returns the hits and misses since the cache was made.
func (c *Cache) Stats() (hits, misses int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}
