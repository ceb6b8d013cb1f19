package twiliochattest

import "slices"

// table is the fake's store of one resource type: items by SID, each under a
// parent (the SID of the resource it belongs to, "" for a top-level one such
// as a Service), kept in creation order per parent, with an optional index
// of unique names (a Channel's unique_name, a User's identity) per parent,
// and deletes that cascade to the tables of child resources. The Server's
// lock guards it.
//
// Items are stored by value and handed out as copies; a resource type whose
// fields are pointers or slices replaces them rather than changing them in
// place, so that a copy is a safe snapshot to encode after the lock is
// released.
type table[T any] struct {
	items    map[string]*T
	parentOf map[string]string   // SID -> parent
	order    map[string][]string // parent -> SIDs in creation order
	names    map[nameKey]string  // (parent, name) -> SID
	nameOf   map[string]string   // SID -> its indexed name
	children []cascader
}

// nameKey is a unique name within a parent.
type nameKey struct{ parent, name string }

// cascader is a table whose items are deleted with their parent.
type cascader interface {
	removeAll(parent string)
}

// newTable returns an empty table whose deletes cascade to children, the
// tables whose items' parent is an item of this one.
func newTable[T any](children ...cascader) *table[T] {
	return &table[T]{
		items:    map[string]*T{},
		parentOf: map[string]string{},
		order:    map[string][]string{},
		names:    map[nameKey]string{},
		nameOf:   map[string]string{},
		children: children,
	}
}

// add stores item as sid under parent. A non-empty name is indexed, so get
// finds the item by it too; the caller has checked it is free (nameTaken).
func (t *table[T]) add(parent, sid, name string, item T) *T {
	p := &item
	t.items[sid] = p
	t.parentOf[sid] = parent
	t.order[parent] = append(t.order[parent], sid)
	t.setName(sid, name)
	return p
}

// get returns the item under parent whose SID, or else indexed name, is
// key, or nil.
func (t *table[T]) get(parent, key string) *T {
	if p, ok := t.parentOf[key]; ok && p == parent {
		return t.items[key]
	}
	if sid, ok := t.names[nameKey{parent, key}]; ok {
		return t.items[sid]
	}
	return nil
}

// bySID returns the item sid, whatever its parent, or nil.
func (t *table[T]) bySID(sid string) *T { return t.items[sid] }

// nameTaken reports whether name is the indexed name of another item than
// sid under parent.
func (t *table[T]) nameTaken(parent, name, sid string) bool {
	other, ok := t.names[nameKey{parent, name}]
	return ok && other != sid
}

// setName indexes sid under name instead of its former name; "" removes it
// from the index.
func (t *table[T]) setName(sid, name string) {
	parent := t.parentOf[sid]
	if old, ok := t.nameOf[sid]; ok {
		delete(t.names, nameKey{parent, old})
		delete(t.nameOf, sid)
	}
	if name != "" {
		t.names[nameKey{parent, name}] = sid
		t.nameOf[sid] = name
	}
}

// list returns copies of the items under parent, in creation order.
func (t *table[T]) list(parent string) []T {
	sids := t.order[parent]
	out := make([]T, 0, len(sids))
	for _, sid := range sids {
		out = append(out, *t.items[sid])
	}
	return out
}

// remove deletes the item sid under parent and, through the child tables,
// everything that belongs to it. It reports whether the item was there.
func (t *table[T]) remove(parent, sid string) bool {
	if p, ok := t.parentOf[sid]; !ok || p != parent {
		return false
	}
	t.setName(sid, "")
	delete(t.items, sid)
	delete(t.parentOf, sid)
	t.order[parent] = slices.DeleteFunc(t.order[parent], func(x string) bool { return x == sid })
	if len(t.order[parent]) == 0 {
		delete(t.order, parent)
	}
	for _, c := range t.children {
		c.removeAll(sid)
	}
	return true
}

// removeAll deletes every item under parent, and what belongs to them.
func (t *table[T]) removeAll(parent string) {
	for _, sid := range slices.Clone(t.order[parent]) {
		t.remove(parent, sid)
	}
}
