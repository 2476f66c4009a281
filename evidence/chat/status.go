package chat

// StatusNote is a transfer's Status as a clause to append to a sentence
// about it, in each language: "，已收款" / ", received"; "" when the
// export gave no status. The statuses the readers set are translated; any
// other is kept as written.
func StatusNote(status string) (zh, en string) {
	if status == "" {
		return "", ""
	}
	en, ok := map[string]string{"已收款": "received", "已退还": "refunded", "待收款": "awaiting receipt", "已过期": "expired"}[status]
	if !ok {
		en = status
	}
	return "，" + status, ", " + en
}
