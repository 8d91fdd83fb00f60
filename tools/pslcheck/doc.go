// Package pslcheck holds only tests: it checks corsa's embedded Public
// Suffix List table (internal/psl) and corsa.New's refusal of wildcard
// origin patterns against golang.org/x/net/publicsuffix, an independent
// implementation with its own copy of the list.
//
// It lives in the tools module so that the root module stays free of
// requirements: x/net is needed here only. Go's internal-package rule is
// by import path, so this package, whose path is under
// github.com/corsa-go/corsa, may import internal/psl.
package pslcheck
