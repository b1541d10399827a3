// Reads YAML the way the Pulumi CLI reads stack files, with the same library
// (gopkg.in/yaml.v3, sdk/go/common/encoding/marshal.go), and converts each value the way
// sdk/go/common/resource/config/object.go does before the engine hands config to a
// program: time.Time becomes its String(), non-string mapping keys become fmt's %v,
// numbers are written by encoding/json (NaN and Inf cannot be, as in Pulumi).
//
// Built by test/helpers/yaml-v3.ts with Debian's golang-gopkg-yaml.v3-dev.
//
//	yaml-v3 docs            stdin: JSON list of YAML texts; stdout: JSON list of
//	                        {"json": "<value as JSON>"} or {"error": "..."}
//	yaml-v3 config DIR S    the config of stack S in project DIR as the engine passes it:
//	                        {"<ns:key>": {"text": ..., "secure": bool, "object": bool}}
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// convert follows unmarshalObject in sdk/go/common/resource/config/object.go.
func convert(v interface{}) interface{} {
	switch v := v.(type) {
	case time.Time:
		return v.String()
	case map[string]interface{}:
		m := make(map[string]interface{}, len(v))
		for k, x := range v {
			m[k] = convert(x)
		}
		return m
	case map[interface{}]interface{}:
		m := make(map[string]interface{}, len(v))
		for k, x := range v {
			m[fmt.Sprintf("%v", k)] = convert(x)
		}
		return m
	case []interface{}:
		a := make([]interface{}, len(v))
		for i, x := range v {
			a[i] = convert(x)
		}
		return a
	default:
		return v
	}
}

func docs() {
	in, err := io.ReadAll(os.Stdin)
	must(err)
	var texts []string
	must(json.Unmarshal(in, &texts))
	out := make([]map[string]string, len(texts))
	for i, text := range texts {
		var v interface{}
		if err := yaml.Unmarshal([]byte(text), &v); err != nil {
			out[i] = map[string]string{"error": err.Error()}
			continue
		}
		b, err := json.Marshal(convert(v))
		if err != nil {
			out[i] = map[string]string{"error": err.Error()}
			continue
		}
		out[i] = map[string]string{"json": string(b)}
	}
	must(json.NewEncoder(os.Stdout).Encode(out))
}

type entry struct {
	Text   string `json:"text"`
	Secure bool   `json:"secure"`
	Object bool   `json:"object"`
}

func isSecure(v interface{}) bool {
	switch v := v.(type) {
	case map[string]interface{}:
		if s, ok := v["secure"].(string); ok && len(v) == 1 && s != "" {
			return true
		}
		for _, x := range v {
			if isSecure(x) {
				return true
			}
		}
	case []interface{}:
		for _, x := range v {
			if isSecure(x) {
				return true
			}
		}
	}
	return false
}

func readYaml(file string) map[string]interface{} {
	b, err := os.ReadFile(file)
	must(err)
	var doc map[string]interface{}
	must(yaml.Unmarshal(b, &doc))
	return doc
}

// config follows the CLI: project config (`key: value`, `{value: ...}`, `{default: ...}`)
// under the stack's own keys, each value turned into the string the language host's
// constructConfig passes on (MarshalString: strings as they are, the rest as JSON).
func config(dir, stack string) {
	project := readYaml(filepath.Join(dir, "Pulumi.yaml"))
	name, _ := project["name"].(string)
	qualify := func(k string) string {
		if strings.Contains(k, ":") {
			return k
		}
		return name + ":" + k
	}
	values := map[string]interface{}{}
	if pc, ok := project["config"].(map[string]interface{}); ok {
		for k, decl := range pc {
			if m, ok := decl.(map[string]interface{}); ok {
				if v, ok := m["value"]; ok {
					decl = v
				} else if v, ok := m["default"]; ok {
					decl = v
				}
			}
			values[qualify(k)] = decl
		}
	}
	if sc, ok := readYaml(filepath.Join(dir, "Pulumi."+stack+".yaml"))["config"].(map[string]interface{}); ok {
		for k, v := range sc {
			values[qualify(k)] = v
		}
	}
	out := map[string]entry{}
	for k, v := range values {
		c := convert(v)
		switch x := c.(type) {
		case string:
			out[k] = entry{Text: x}
		case map[string]interface{}, []interface{}:
			b, err := json.Marshal(x)
			must(err)
			secure := isSecure(x)
			if m, ok := x.(map[string]interface{}); ok && secure && len(m) == 1 && m["secure"] != nil {
				out[k] = entry{Text: m["secure"].(string), Secure: true}
			} else {
				out[k] = entry{Text: string(b), Secure: secure, Object: true}
			}
		default:
			b, err := json.Marshal(x)
			must(err)
			out[k] = entry{Text: string(b)}
		}
	}
	must(json.NewEncoder(os.Stdout).Encode(out))
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func main() {
	switch {
	case len(os.Args) == 2 && os.Args[1] == "docs":
		docs()
	case len(os.Args) == 4 && os.Args[1] == "config":
		config(os.Args[2], os.Args[3])
	default:
		fmt.Fprintln(os.Stderr, "usage: yaml-v3 docs | yaml-v3 config DIR STACK")
		os.Exit(2)
	}
}
