package examples

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/corsa-go/corsa/examples/internal/usermod"
)

// scaffold is what a README one-liner takes for granted on its
// framework: the variables it names, declared as a user's program would.
type scaffold struct {
	decls   string
	imports map[string]string // package name as used in a program: import path
}

// scaffolds holds one entry for each row of the README's one-liner
// table, by the name in its first column.
var scaffolds = map[string]scaffold{
	"net/http": {"mux := http.NewServeMux()", nil},
	"chi":      {"r := chi.NewRouter()", map[string]string{"chi": "github.com/go-chi/chi/v5", "corsachi": "github.com/corsa-go/corsa/chi"}},
	"gin":      {"r := gin.New()", map[string]string{"gin": "github.com/gin-gonic/gin", "corsagin": "github.com/corsa-go/corsa/gin"}},
	"echo":     {"e := echo.New()", map[string]string{"echo": "github.com/labstack/echo/v4", "corsaecho": "github.com/corsa-go/corsa/echo"}},
	"echo v5":  {"e := echo.New()", map[string]string{"echo": "github.com/labstack/echo/v5", "corsaecho5": "github.com/corsa-go/corsa/echo5"}},
	"fasthttp": {"handler := func(*fasthttp.RequestCtx) {}", map[string]string{"fasthttp": "github.com/valyala/fasthttp", "corsafasthttp": "github.com/corsa-go/corsa/fasthttp"}},
	"fiber":    {"app := fiber.New()", map[string]string{"fiber": "github.com/gofiber/fiber/v2", "corsafiber": "github.com/corsa-go/corsa/fiber"}},
	"fiber v3": {"app := fiber.New()", map[string]string{"fiber": "github.com/gofiber/fiber/v3", "corsafiber3": "github.com/corsa-go/corsa/fiber3"}},
}

// TestTheReadmeOneLinersCompile builds every piece of code in the
// README's one-liner table, each in a program of its own, in a module
// outside the repository: the line a user copies must compile as it is,
// with only its framework's usual variables declared around it. The
// table's `Config{...}` stands for the policy of the row's first line.
func TestTheReadmeOneLinersCompile(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	table := regexp.MustCompile(`(?ms)^\| framework \| one line \|\n\|---\|---\|\n(.*?)\n\n`).FindSubmatch(readme)
	if table == nil {
		t.Fatal(`README.md has no "| framework | one line |" table`)
	}
	files := map[string]string{}
	seen := map[string]bool{}
	for _, row := range strings.Split(string(table[1]), "\n") {
		cells := strings.SplitN(strings.Trim(row, "|"), "|", 2)
		name := strings.TrimSpace(cells[0])
		sc, ok := scaffolds[name]
		if !ok {
			t.Errorf("the README's table has a row for %q, which this test does not know how to build", name)
			continue
		}
		snippets := regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(cells[1], -1)
		var calls []string
		for _, s := range snippets {
			if strings.Contains(s[1], "(") {
				calls = append(calls, strings.ReplaceAll(s[1], "Config{...}", `Config{Origins: []string{"https://app.example"}}`))
			}
		}
		if len(calls) == 0 {
			t.Errorf("the README's %s row has no code", name)
		}
		for i, call := range calls {
			files[fmt.Sprintf("%s/%d/main.go", strings.ReplaceAll(name, " ", ""), i)] = program(sc, call)
		}
		seen[name] = true
	}
	for name := range scaffolds {
		if !seen[name] {
			t.Errorf("the README's table has no row for %s", name)
		}
	}
	usermod.Build(t, files)
}

// program is a main package that runs call after sc's declarations,
// importing what the two name.
func program(sc scaffold, call string) string {
	imports := map[string]string{"http": "net/http", "corsa": "github.com/corsa-go/corsa"}
	for name, path := range sc.imports {
		imports[name] = path
	}
	body := "\taddr := \"127.0.0.1:8080\"\n\t" + sc.decls + "\n\t" + call + "\n"
	var used []string
	for name, path := range imports {
		if regexp.MustCompile(`\b` + name + `\.`).MatchString(body) {
			used = append(used, fmt.Sprintf("\t%s %q\n", name, path))
		}
	}
	sort.Strings(used)
	return "package main\n\nimport (\n" + strings.Join(used, "") + ")\n\nfunc main() {\n" + body +
		"\t_, _ = addr, " + strings.Fields(sc.decls)[0] + "\n}\n"
}
