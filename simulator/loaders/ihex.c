/* SPDX-License-Identifier: Apache-2.0 */
/* ihex.c - Intel HEX parser (record types 00 data, 01 end of file,
 * 02 extended segment address, 03 start segment address, 04 extended linear
 * address, 05 start linear address), as written by srec_cat, objcopy and
 * the PIC32 tool chains. */
#include "image.h"

enum {
	IHEX_DATA = 0x00,
	IHEX_EOF = 0x01,
	IHEX_EXT_SEGMENT = 0x02,
	IHEX_START_SEGMENT = 0x03,
	IHEX_EXT_LINEAR = 0x04,
	IHEX_START_LINEAR = 0x05,
};

int image_parse_ihex(struct image *img, const uint8_t *buf, size_t len)
{
	struct text_cursor cur = { buf, buf + len, 0 };
	const uint8_t *s;
	size_t n;
	uint32_t base = 0;
	bool ended = false;
	uint8_t rec[5 + 255];

	while (text_next_line(&cur, &s, &n)) {
		unsigned line = cur.line;
		n = text_trimmed(s, n);
		if (n == 0)
			continue;
		if (ended)
			return image_error(img, line, "data after the end-of-file record");
		if (s[0] != ':')
			return image_error(img, line, "record does not start with ':'");
		int nb = text_hex_record(img, line, s + 1, n - 1, rec, sizeof rec);
		if (nb < 0)
			return -1;
		if (nb < 5)
			return image_error(img, line, "record too short (%d bytes)", nb);
		unsigned count = rec[0];
		if ((unsigned)nb != count + 5)
			return image_error(img, line, "byte count says %u data bytes, record has %d",
					   count, nb - 5);
		uint8_t sum = 0;
		for (int i = 0; i < nb - 1; i++)
			sum = (uint8_t)(sum + rec[i]);
		uint8_t want = (uint8_t)(0x100 - sum);
		if (rec[nb - 1] != want)
			return image_error(img, line, "checksum 0x%02X, expected 0x%02X",
					   rec[nb - 1], want);

		uint32_t offset = (uint32_t)rec[1] << 8 | rec[2];
		const uint8_t *data = rec + 4;
		switch (rec[3]) {
		case IHEX_DATA:
			if (image_add(img, line, base + offset, data, count))
				return -1;
			break;
		case IHEX_EOF:
			if (count != 0)
				return image_error(img, line, "end-of-file record with data");
			ended = true;
			break;
		case IHEX_EXT_SEGMENT:
		case IHEX_EXT_LINEAR:
			if (count != 2)
				return image_error(img, line, "address record needs 2 data bytes, has %u", count);
			base = (uint32_t)data[0] << 8 | data[1];
			base <<= rec[3] == IHEX_EXT_LINEAR ? 16 : 4;
			break;
		case IHEX_START_SEGMENT:
		case IHEX_START_LINEAR:
			if (count != 4)
				return image_error(img, line, "start address record needs 4 data bytes, has %u", count);
			if (rec[3] == IHEX_START_LINEAR) {
				img->has_entry = true;
				img->entry = (uint32_t)data[0] << 24 | (uint32_t)data[1] << 16 |
					     (uint32_t)data[2] << 8 | data[3];
			}
			break;
		default:
			return image_error(img, line, "unknown record type 0x%02X", rec[3]);
		}
	}
	if (!ended)
		return image_error(img, 0, "no end-of-file record (type 01) after line %u: truncated file?",
				   cur.line);
	return 0;
}
