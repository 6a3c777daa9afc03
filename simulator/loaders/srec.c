/* SPDX-License-Identifier: Apache-2.0 */
/* srec.c - Motorola S-record parser: S0 header, S1/S2/S3 data with 16/24/32
 * bit addresses, S5/S6 record counts, S7/S8/S9 termination with the start
 * address, as written by srec_cat and objcopy. */
#include "image.h"

/* Address bytes of each record type S0..S9 (0: reserved S4). */
static const unsigned srec_addr_bytes[10] = { 2, 2, 3, 4, 0, 2, 3, 4, 3, 2 };

int image_parse_srec(struct image *img, const uint8_t *buf, size_t len)
{
	struct text_cursor cur = { buf, buf + len, 0 };
	const uint8_t *s;
	size_t n;
	bool ended = false;
	uint32_t data_records = 0;
	uint8_t rec[256];

	while (text_next_line(&cur, &s, &n)) {
		unsigned line = cur.line;
		n = text_trimmed(s, n);
		if (n == 0)
			continue;
		if (ended)
			return image_error(img, line, "record after the termination record");
		if (s[0] != 'S')
			return image_error(img, line, "record does not start with 'S'");
		if (n < 2 || s[1] < '0' || s[1] > '9')
			return image_error(img, line, "missing record type digit after 'S'");
		unsigned type = (unsigned)(s[1] - '0');
		unsigned alen = srec_addr_bytes[type];
		if (alen == 0)
			return image_error(img, line, "record type S4 is reserved");
		int nb = text_hex_record(img, line, s + 2, n - 2, rec, sizeof rec);
		if (nb < 0)
			return -1;
		if (nb < 1)
			return image_error(img, line, "record has no byte count");
		unsigned count = rec[0];
		if ((unsigned)nb != count + 1)
			return image_error(img, line, "byte count says %u bytes follow, record has %d",
					   count, nb - 1);
		if (count < alen + 1)
			return image_error(img, line, "S%u record too short for its %u-byte address",
					   type, alen);
		uint8_t sum = 0;
		for (int i = 0; i < nb - 1; i++)
			sum = (uint8_t)(sum + rec[i]);
		uint8_t want = (uint8_t)~sum;
		if (rec[nb - 1] != want)
			return image_error(img, line, "checksum 0x%02X, expected 0x%02X",
					   rec[nb - 1], want);

		uint32_t addr = 0;
		for (unsigned i = 0; i < alen; i++)
			addr = addr << 8 | rec[1 + i];
		const uint8_t *data = rec + 1 + alen;
		unsigned ndata = count - alen - 1;
		switch (type) {
		case 0: /* header: free text */
			break;
		case 1:
		case 2:
		case 3:
			if (image_add(img, line, addr, data, ndata))
				return -1;
			data_records++;
			break;
		case 5:
		case 6:
			if (ndata != 0)
				return image_error(img, line, "record count S%u carries data", type);
			if (addr != (data_records & (type == 5 ? 0xFFFFu : 0xFFFFFFu)))
				return image_error(img, line,
						   "record count says %u data records, %u came before it",
						   addr, data_records);
			break;
		default: /* 7, 8, 9: termination with start address */
			if (ndata != 0)
				return image_error(img, line, "termination record S%u carries data", type);
			img->has_entry = true;
			img->entry = addr;
			ended = true;
			break;
		}
	}
	if (!ended)
		return image_error(img, 0, "no termination record (S7/S8/S9) after line %u: truncated file?",
				   cur.line);
	return 0;
}
