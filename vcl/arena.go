package vcl

import (
	"strings"

	"github.com/chainlint/chainlint/internal/chunk"
)

// An Arena holds the syntax trees parsed into it (ParseStringIn,
// ParseSnippetStringIn) for a caller that reads each tree and drops it
// before the next: Reset takes back every node, and the arrays serve the
// next parse. The VCL model reads each service's custom VCL once, keeps
// none of its tree, and parsed 8 MB of them (1,500 files, 1 MB of VCL) in
// a load of 16,000 services, where the collector runs every few MB
// allocated. The commonest nodes and the lists of statements and
// declarations come from the arena, the rest from the heap, as a nil
// *Arena makes them all. Not safe for concurrent use.
type Arena struct {
	idents   chunk.Arena[Ident]
	binaries chunk.Arena[BinaryExpr]
	blocks   chunk.Arena[Block]
	subs     chunk.Arena[SubDecl]
	sets     chunk.Arena[SetStmt]
	parens   chunk.Arena[ParenExpr]
	strs     chunk.Arena[StringLit]
	returns  chunk.Arena[ReturnStmt]
	ifs      chunk.Arena[IfStmt]
	macros   chunk.Arena[MacroStmt]
	stmts    chunk.Arena[Stmt]
	decls    chunk.Arena[Decl]
	// stack holds the statements and declarations of the lists being
	// parsed (nested blocks above their parents'), until each list is
	// copied out whole.
	stmtStack []Stmt
	declStack []Decl
}

// PoisonRecycled has Reset write a name and a range no source has into
// every node it takes back, so that a tree read after its arena is reset
// shows. Tests set it.
var PoisonRecycled bool

// recycledName is the name and text of a poisoned node.
const recycledName = "\x00recycled"

// Reset takes back every node the arena gave out: no tree parsed into it
// may be read after.
func (a *Arena) Reset() {
	r := Range{}
	name := ""
	if PoisonRecycled {
		r, name = Range{-1, -1}, recycledName
	}
	a.idents.Reset(func(x *Ident) { *x = Ident{Range: r, Name: name, lower: name} })
	a.binaries.Reset(func(x *BinaryExpr) { *x = BinaryExpr{Range: r, Op: name} })
	a.blocks.Reset(func(x *Block) { *x = Block{Range: r} })
	a.subs.Reset(func(x *SubDecl) { *x = SubDecl{Range: r} })
	a.sets.Reset(func(x *SetStmt) { *x = SetStmt{Range: r, Op: name} })
	a.parens.Reset(func(x *ParenExpr) { *x = ParenExpr{Range: r} })
	a.strs.Reset(func(x *StringLit) { *x = StringLit{Range: r, Value: name, ValuePos: r.Pos} })
	a.returns.Reset(func(x *ReturnStmt) { *x = ReturnStmt{Range: r} })
	a.ifs.Reset(func(x *IfStmt) { *x = IfStmt{Range: r} })
	a.macros.Reset(func(x *MacroStmt) { *x = MacroStmt{Range: r, Name: name} })
	a.stmts.Reset(nil)
	a.decls.Reset(nil)
	clear(a.stmtStack[:cap(a.stmtStack)])
	clear(a.declStack[:cap(a.declStack)])
	a.stmtStack, a.declStack = a.stmtStack[:0], a.declStack[:0]
}

// The nodes a parse makes, from a, or from the heap when a is nil.

func (a *Arena) ident(off, end int, name string) *Ident {
	if a == nil {
		return NewIdent(off, end, name)
	}
	x := a.idents.New()
	*x = Ident{Range: Range{off, end}, Name: name, lower: strings.ToLower(name)}
	return x
}

// Assign returns the statement list "set TARGET = NAME;", its value the
// identifier NAME, built from a (the heap when a is nil): for VCL a
// caller builds rather than parses.
func (a *Arena) Assign(target *Ident, name string) []Stmt {
	set := a.set(SetStmt{Target: target, Op: "=", Value: a.ident(0, 0, name)})
	if a == nil {
		return []Stmt{set}
	}
	list := a.stmts.Run(1)
	list[0] = set
	return list
}

// node returns a node holding v: from the array of a that of picks, or
// from the heap when a is nil.
func node[T any](a *Arena, of func(*Arena) *chunk.Arena[T], v T) *T {
	var x *T
	if a == nil {
		x = new(T)
	} else {
		x = of(a).New()
	}
	*x = v
	return x
}

func (a *Arena) binary(v BinaryExpr) *BinaryExpr {
	return node(a, func(a *Arena) *chunk.Arena[BinaryExpr] { return &a.binaries }, v)
}

func (a *Arena) block(v Block) *Block {
	return node(a, func(a *Arena) *chunk.Arena[Block] { return &a.blocks }, v)
}

func (a *Arena) sub(v SubDecl) *SubDecl {
	return node(a, func(a *Arena) *chunk.Arena[SubDecl] { return &a.subs }, v)
}

func (a *Arena) set(v SetStmt) *SetStmt {
	return node(a, func(a *Arena) *chunk.Arena[SetStmt] { return &a.sets }, v)
}

func (a *Arena) paren(v ParenExpr) *ParenExpr {
	return node(a, func(a *Arena) *chunk.Arena[ParenExpr] { return &a.parens }, v)
}

func (a *Arena) str(v StringLit) *StringLit {
	return node(a, func(a *Arena) *chunk.Arena[StringLit] { return &a.strs }, v)
}

func (a *Arena) ret(v ReturnStmt) *ReturnStmt {
	return node(a, func(a *Arena) *chunk.Arena[ReturnStmt] { return &a.returns }, v)
}

func (a *Arena) ifStmt(v IfStmt) *IfStmt {
	return node(a, func(a *Arena) *chunk.Arena[IfStmt] { return &a.ifs }, v)
}

func (a *Arena) macro(v MacroStmt) *MacroStmt {
	return node(a, func(a *Arena) *chunk.Arena[MacroStmt] { return &a.macros }, v)
}

// stmtList returns stack[from:] as a list of its own (nil when empty),
// from a when it is not nil; the caller takes the statements off its
// stack.
func (a *Arena) stmtList(stack []Stmt) []Stmt {
	if len(stack) == 0 {
		return nil
	}
	if a == nil {
		return append([]Stmt(nil), stack...)
	}
	return a.stmts.Copy(stack)
}

func (a *Arena) declList(stack []Decl) []Decl {
	if len(stack) == 0 {
		return nil
	}
	if a == nil {
		return append([]Decl(nil), stack...)
	}
	return a.decls.Copy(stack)
}
