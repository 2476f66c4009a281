package bundle_test

import (
	"fmt"

	"github.com/casebundle/casebundle/bundle"
)

// Each case folder name is in exactly one of N shards, whatever its
// Unicode spelling.
func ExampleShardOf() {
	for _, name := range []string{"case-01", "张三 转错账", "caf\u00e9", "cafe\u0301"} {
		fmt.Printf("%+q: shard %d of 4\n", name, bundle.ShardOf(name, 4))
	}
	s := bundle.Shard{K: 1, N: 4}
	fmt.Println(s, s.Has("张三 转错账"), s.Has("case-01"))
	// Output:
	// "case-01": shard 3 of 4
	// "\u5f20\u4e09 \u8f6c\u9519\u8d26": shard 1 of 4
	// "caf\u00e9": shard 1 of 4
	// "cafe\u0301": shard 1 of 4
	// 1/4 true false
}
