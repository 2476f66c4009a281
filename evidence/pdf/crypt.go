package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
)

// Many bank statements are encrypted with an empty user password: anyone
// may open them, an owner password only restricts printing or editing.
// Read opens those (the standard security handler, RC4 or AES, revisions 2
// to 6) and says Doc.Encrypted; a file that needs a password is refused
// with an *EncryptedError.

var passwordPad = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

type decrypter struct {
	key        []byte
	v          int
	strAES     bool // strings use AES (else RC4)
	stmAES     bool
	strNone    bool // Identity crypt filter
	stmNone    bool
	encryptRef int // object number of the /Encrypt dictionary, never decrypted
}

// openEncryption sets up decryption with the empty user password.
func (r *reader) openEncryption() error {
	encObj := r.trailer["Encrypt"]
	encNum := -1
	if rf, ok := encObj.(ref); ok {
		encNum = rf.num
	}
	enc := r.resolveDict(encObj)
	if enc == nil {
		return &EncryptedError{Reason: "the /Encrypt dictionary cannot be read"}
	}
	filter, _ := enc["Filter"].(name)
	v, _ := r.resolveInt(enc["V"])
	rev, _ := r.resolveInt(enc["R"])
	ee := &EncryptedError{Filter: string(filter), V: v, R: rev}
	if filter != "Standard" {
		ee.Reason = "security handler " + string(filter) + " is not the standard one (a certificate or a plug-in is needed)"
		return ee
	}
	o, _ := r.resolve(enc["O"]).(pdfString)
	u, _ := r.resolve(enc["U"]).(pdfString)
	p, _ := r.resolveInt(enc["P"])
	var id0 []byte
	if ids, ok := r.resolve(r.trailer["ID"]).(array); ok && len(ids) > 0 {
		id0, _ = r.resolve(ids[0]).(pdfString)
	}
	d := &decrypter{v: v, encryptRef: encNum}
	switch {
	case v == 1 || v == 2 || v == 3 || v == 4:
		n := 5
		if v >= 2 {
			if l, ok := r.resolveInt(enc["Length"]); ok && l >= 40 && l <= 128 && l%8 == 0 {
				n = l / 8
			} else if v != 4 {
				n = 5
			} else {
				n = 16
			}
		}
		if v == 4 {
			n = 16
			cf := r.resolveDict(enc["CF"])
			method := func(fname any) (aes, none bool) {
				fn, _ := r.resolve(fname).(name)
				if fn == "" || fn == "Identity" {
					return false, true
				}
				f := r.resolveDict(cf[fn])
				cfm, _ := r.resolve(f["CFM"]).(name)
				return cfm == "AESV2", cfm == "None"
			}
			d.strAES, d.strNone = method(enc["StrF"])
			d.stmAES, d.stmNone = method(enc["StmF"])
		}
		encMeta := true
		if b, ok := r.resolve(enc["EncryptMetadata"]).(bool); ok {
			encMeta = b
		}
		if len(o) < 32 || len(u) < 32 {
			ee.Reason = "/O or /U too short"
			return ee
		}
		h := md5.New()
		h.Write(passwordPad)
		h.Write(o[:32])
		var pb [4]byte
		binary.LittleEndian.PutUint32(pb[:], uint32(int32(p)))
		h.Write(pb[:])
		h.Write(id0)
		if rev >= 4 && !encMeta {
			h.Write([]byte{0xff, 0xff, 0xff, 0xff})
		}
		key := h.Sum(nil)[:n]
		if rev >= 3 {
			for i := 0; i < 50; i++ {
				s := md5.Sum(key)
				key = s[:n]
			}
		}
		// Check the empty password against /U.
		var ok bool
		if rev == 2 {
			c, _ := rc4.NewCipher(key)
			out := make([]byte, 32)
			c.XORKeyStream(out, passwordPad)
			ok = bytes.Equal(out, u[:32])
		} else {
			h := md5.New()
			h.Write(passwordPad)
			h.Write(id0)
			x := h.Sum(nil)
			for i := 0; i < 20; i++ {
				k := make([]byte, len(key))
				for j := range key {
					k[j] = key[j] ^ byte(i)
				}
				c, _ := rc4.NewCipher(k)
				c.XORKeyStream(x, x)
			}
			ok = bytes.Equal(x[:16], u[:16])
		}
		if !ok {
			ee.Reason = "a user password is set"
			return ee
		}
		d.key = key
	case v == 5:
		ue, _ := r.resolve(enc["UE"]).(pdfString)
		if len(u) < 48 || len(ue) < 32 {
			ee.Reason = "/U or /UE too short"
			return ee
		}
		hash := func(salt []byte) []byte {
			if rev >= 6 {
				return hash2B(nil, salt, nil)
			}
			s := sha256.Sum256(salt)
			return s[:]
		}
		if !bytes.Equal(hash(u[32:40]), u[:32]) {
			ee.Reason = "a user password is set"
			return ee
		}
		ik := hash(u[40:48])
		block, err := aes.NewCipher(ik)
		if err != nil {
			ee.Reason = err.Error()
			return ee
		}
		key := make([]byte, 32)
		cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, ue[:32])
		d.key = key
		d.strAES, d.stmAES = true, true
		cf := r.resolveDict(enc["CF"])
		for _, pair := range []struct {
			f    name
			none *bool
		}{{"StrF", &d.strNone}, {"StmF", &d.stmNone}} {
			fn, _ := r.resolve(enc[pair.f]).(name)
			if fn == "" || fn == "Identity" {
				*pair.none = true
				continue
			}
			cfm, _ := r.resolve(r.resolveDict(cf[fn])["CFM"]).(name)
			*pair.none = cfm == "None"
		}
	default:
		ee.Reason = "unknown encryption version"
		return ee
	}
	r.crypt = d
	return nil
}

// hash2B is algorithm 2.B of ISO 32000-2 (revision 6).
func hash2B(password, salt, udata []byte) []byte {
	in := append(append(append([]byte{}, password...), salt...), udata...)
	s := sha256.Sum256(in)
	k := s[:]
	for i := 0; ; i++ {
		seq := append(append(append([]byte{}, password...), k...), udata...)
		k1 := bytes.Repeat(seq, 64)
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		switch sum % 3 {
		case 0:
			x := sha256.Sum256(e)
			k = x[:]
		case 1:
			x := sha512.Sum384(e)
			k = x[:]
		default:
			x := sha512.Sum512(e)
			k = x[:]
		}
		if i >= 63 && int(e[len(e)-1]) <= i-31 {
			break
		}
	}
	return k[:32]
}

func (d *decrypter) objectKey(num, gen int, useAES bool) []byte {
	if d.v == 5 {
		return d.key
	}
	h := md5.New()
	h.Write(d.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
	if useAES {
		h.Write([]byte("sAlT"))
	}
	k := h.Sum(nil)
	n := len(d.key) + 5
	if n > 16 {
		n = 16
	}
	return k[:n]
}

func (d *decrypter) decrypt(b []byte, num, gen int, useAES bool) []byte {
	key := d.objectKey(num, gen, useAES)
	if !useAES {
		c, err := rc4.NewCipher(key)
		if err != nil {
			return b
		}
		out := make([]byte, len(b))
		c.XORKeyStream(out, b)
		return out
	}
	if len(b) < 32 || len(b)%16 != 0 {
		return nil
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil
	}
	out := make([]byte, len(b)-16)
	cipher.NewCBCDecrypter(block, b[:16]).CryptBlocks(out, b[16:])
	if pad := int(out[len(out)-1]); pad >= 1 && pad <= 16 && pad <= len(out) {
		out = out[:len(out)-pad]
	}
	return out
}

func (d *decrypter) decryptStream(b []byte, num, gen int) []byte {
	if d.stmNone {
		return b
	}
	return d.decrypt(b, num, gen, d.stmAES)
}

// decryptObj decrypts the strings of a direct object (recursively). The
// /Contents of a signature dictionary is not encrypted (ISO 32000-1,
// 7.6.1), nor is the /Encrypt dictionary.
func (r *reader) decryptObj(o any, num, gen int) any {
	d := r.crypt
	if d == nil || d.strNone || num == d.encryptRef {
		return o
	}
	var walk func(o any, depth int) any
	walk = func(o any, depth int) any {
		if depth > r.lim.MaxDepth {
			return o
		}
		switch v := o.(type) {
		case pdfString:
			return pdfString(d.decrypt(v, num, gen, d.strAES))
		case array:
			for i := range v {
				v[i] = walk(v[i], depth+1)
			}
			return v
		case dict:
			isSig := false
			if t, _ := v["Type"].(name); t == "Sig" || t == "DocTimeStamp" {
				isSig = true
			}
			if _, ok := v["ByteRange"]; ok {
				isSig = true
			}
			for k, x := range v {
				if isSig && k == "Contents" {
					continue
				}
				v[k] = walk(x, depth+1)
			}
			return v
		}
		return o
	}
	return walk(o, 0)
}
