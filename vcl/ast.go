package vcl

import "strings"

// Node is any syntax tree node; Pos and End are byte offsets (End
// exclusive) into the parsed text.
type Node interface {
	Span() (pos, end int)
}

// Range is embedded in every node to carry its offsets.
type Range struct{ Pos, End int }

// Span returns the node's offsets.
func (r Range) Span() (int, int) { return r.Pos, r.End }

// File is a parsed VCL file or snippet.
type File struct {
	Decls []Decl
	// Stmts holds a snippet's statements when it was parsed as the body of
	// a subroutine.
	Stmts  []Stmt
	Errors []*Error
}

// Error is a syntax error at a byte offset.
type Error struct {
	Pos, End int
	Msg      string
}

func (e *Error) Error() string { return e.Msg }

// Decl is a top-level declaration.
type Decl interface {
	Node
	decl()
}

// Stmt is a statement inside a subroutine.
type Stmt interface {
	Node
	stmt()
}

// Expr is an expression.
type Expr interface {
	Node
	expr()
}

// Ident is a name: req.http.Host, var.x, F_origin.
type Ident struct {
	Range
	Name string
	// lower is Name in lower case, computed by the parser once for a tree
	// that many services share (see Lower).
	lower string
}

// Lower returns the name in lower case: VCL's variable, header and
// function names are case-insensitive.
func (id *Ident) Lower() string {
	if id.lower != "" || id.Name == "" {
		return id.lower
	}
	return strings.ToLower(id.Name)
}

// NewIdent returns an identifier over src[off:end], its lower-case form
// computed once.
func NewIdent(off, end int, name string) *Ident {
	return &Ident{Range: Range{off, end}, Name: name, lower: strings.ToLower(name)}
}

// Declarations.
type (
	// BackendDecl is backend NAME { .prop = value; … }.
	BackendDecl struct {
		Range
		Name  *Ident
		Props []*Property
	}
	// Property is .name = value; with value an expression or a nested
	// object (.probe = { … }).
	Property struct {
		Range
		Name   *Ident // without the leading dot
		Value  Expr   // nil when Object is set
		Object []*Property
	}
	// DirectorDecl is director NAME TYPE { .prop = v; { .backend = F_x; … } }.
	DirectorDecl struct {
		Range
		Name    *Ident
		Type    *Ident
		Props   []*Property
		Members [][]*Property
	}
	// TableDecl is table NAME [TYPE] { "key": value, … }.
	TableDecl struct {
		Range
		Name    *Ident
		Type    *Ident // nil for the default STRING
		Entries []*TableEntry
	}
	// TableEntry is one "key": value pair.
	TableEntry struct {
		Range
		Key   *StringLit
		Value Expr
	}
	// ACLDecl is acl NAME { [!]"addr"[/mask]; … }.
	ACLDecl struct {
		Range
		Name    *Ident
		Entries []*ACLEntry
	}
	// ACLEntry is one address (or network) of an ACL.
	ACLEntry struct {
		Range
		Negated bool
		Addr    *StringLit
		Mask    string
	}
	// SubDecl is sub NAME[(PARAMS)] [TYPE] { … }.
	SubDecl struct {
		Range
		Name       *Ident
		Params     []*Param
		ReturnType *Ident
		Body       *Block
	}
	// Param is one typed parameter of a subroutine.
	Param struct {
		Range
		Type *Ident
		Name *Ident
	}
	// IncludeDecl is include "name";.
	IncludeDecl struct {
		Range
		Path *StringLit
	}
	// ImportDecl is import name;.
	ImportDecl struct {
		Range
		Name *Ident
	}
	// PenaltyboxDecl is penaltybox NAME { }.
	PenaltyboxDecl struct {
		Range
		Name *Ident
	}
	// RatecounterDecl is ratecounter NAME { }.
	RatecounterDecl struct {
		Range
		Name *Ident
	}
	// PragmaDecl is a line of Fastly's generated VCL: pragma …; or C! / W!.
	PragmaDecl struct {
		Range
		Text string
	}
	// MacroDecl is a #FASTLY line at the top level.
	MacroDecl struct {
		Range
		Name string
	}
)

// Statements.
type (
	// Block is { stmts }.
	Block struct {
		Range
		Stmts []Stmt
	}
	// SetStmt is set TARGET OP value; (OP is =, +=, …).
	SetStmt struct {
		Range
		Target *Ident
		Op     string
		Value  Expr
	}
	// UnsetStmt is unset TARGET; (or remove TARGET;).
	UnsetStmt struct {
		Range
		Target *Ident
	}
	// AddStmt is add TARGET = value;.
	AddStmt struct {
		Range
		Target *Ident
		Value  Expr
	}
	// CallStmt is call NAME; or call NAME(args); for a subroutine with
	// parameters.
	CallStmt struct {
		Range
		Name *Ident
		Args []Expr
	}
	// DeclareStmt is declare local var.NAME TYPE [= value];.
	DeclareStmt struct {
		Range
		Name  *Ident
		Type  *Ident
		Value Expr
	}
	// ReturnStmt is return; return(state); or return value;.
	ReturnStmt struct {
		Range
		Value Expr
	}
	// ErrorStmt is error [CODE [MESSAGE]];.
	ErrorStmt struct {
		Range
		Code    Expr
		Message Expr
	}
	// RestartStmt is restart;.
	RestartStmt struct{ Range }
	// SyntheticStmt is synthetic value; or synthetic.base64 value;.
	SyntheticStmt struct {
		Range
		Base64 bool
		Value  Expr
	}
	// EsiStmt is esi;.
	EsiStmt struct{ Range }
	// LogStmt is log value;.
	LogStmt struct {
		Range
		Value Expr
	}
	// IfStmt is if (cond) { … } with its else-if chain and else.
	IfStmt struct {
		Range
		Cond Expr
		Then *Block
		// Else is an *IfStmt (else if / elseif / elsif) or a *Block.
		Else Stmt
	}
	// GotoStmt is goto LABEL;.
	GotoStmt struct {
		Range
		Label *Ident
	}
	// LabelStmt is LABEL:.
	LabelStmt struct {
		Range
		Name string
	}
	// MacroStmt is a #FASTLY line inside a subroutine.
	MacroStmt struct {
		Range
		Name string
	}
	// CallExprStmt is a function called for its effect: header.set(…);.
	CallExprStmt struct {
		Range
		Call *CallExpr
	}
	// IncludeStmt is include "NAME"; inside a subroutine: the named VCL
	// file (or snippet::NAME) holds statements of that subroutine.
	IncludeStmt struct {
		Range
		Path *StringLit
	}
	// SwitchStmt is switch (value) { case "a": …; case ~ "re": …;
	// default: …; }. Fastly accepts it (undocumented); falco and the
	// tree-sitter grammar parse it so.
	SwitchStmt struct {
		Range
		Value Expr
		Cases []*SwitchCase
	}
	// BreakStmt is break; (it ends a switch case).
	BreakStmt struct{ Range }
	// FallthroughStmt is fallthrough; (a switch case runs on into the
	// next).
	FallthroughStmt struct{ Range }
)

// SwitchCase is one case of a switch: Match is nil for default; Regex
// marks case ~ "re".
type SwitchCase struct {
	Range
	Match *StringLit
	Regex bool
	Stmts []Stmt
}

// Expressions.
type (
	// StringLit is a string in any of the three forms.
	StringLit struct {
		Range
		Value string
		// ValuePos is the offset of Value's first byte.
		ValuePos int
	}
	// NumberLit is an integer, float or percentage.
	NumberLit struct {
		Range
		Text string
	}
	// DurationLit is a relative time: 10s, 100ms.
	DurationLit struct {
		Range
		Text string
	}
	// BinaryExpr is X OP Y.
	BinaryExpr struct {
		Range
		Op   string
		X, Y Expr
	}
	// UnaryExpr is OP X (! or -).
	UnaryExpr struct {
		Range
		Op string
		X  Expr
	}
	// ConcatExpr is implicit string concatenation: "a" req.http.x "b".
	ConcatExpr struct {
		Range
		Parts []Expr
	}
	// CallExpr is FUNC(args).
	CallExpr struct {
		Range
		Func *Ident
		Args []Expr
	}
	// ParenExpr is (X).
	ParenExpr struct {
		Range
		X Expr
	}
	// IPLit is an address with a mask: "10.0.0.0"/8 outside an ACL.
	IPLit struct {
		Range
		Addr *StringLit
		Mask string
	}
)

func (*BackendDecl) decl()     {}
func (*DirectorDecl) decl()    {}
func (*TableDecl) decl()       {}
func (*ACLDecl) decl()         {}
func (*SubDecl) decl()         {}
func (*IncludeDecl) decl()     {}
func (*ImportDecl) decl()      {}
func (*PenaltyboxDecl) decl()  {}
func (*RatecounterDecl) decl() {}
func (*PragmaDecl) decl()      {}
func (*MacroDecl) decl()       {}

func (*Block) stmt()           {}
func (*SetStmt) stmt()         {}
func (*UnsetStmt) stmt()       {}
func (*AddStmt) stmt()         {}
func (*CallStmt) stmt()        {}
func (*DeclareStmt) stmt()     {}
func (*ReturnStmt) stmt()      {}
func (*ErrorStmt) stmt()       {}
func (*RestartStmt) stmt()     {}
func (*SyntheticStmt) stmt()   {}
func (*EsiStmt) stmt()         {}
func (*LogStmt) stmt()         {}
func (*IfStmt) stmt()          {}
func (*GotoStmt) stmt()        {}
func (*LabelStmt) stmt()       {}
func (*MacroStmt) stmt()       {}
func (*CallExprStmt) stmt()    {}
func (*IncludeStmt) stmt()     {}
func (*SwitchStmt) stmt()      {}
func (*BreakStmt) stmt()       {}
func (*FallthroughStmt) stmt() {}

func (*Ident) expr()       {}
func (*StringLit) expr()   {}
func (*NumberLit) expr()   {}
func (*DurationLit) expr() {}
func (*BinaryExpr) expr()  {}
func (*UnaryExpr) expr()   {}
func (*ConcatExpr) expr()  {}
func (*CallExpr) expr()    {}
func (*ParenExpr) expr()   {}
func (*IPLit) expr()       {}
