import { describe, expect, it } from "vitest";
import { parseXml, XmlSyntaxError } from "../src/sdf/xml.js";

describe("parseXml (SDF files)", () => {
  it("reads elements, attributes, entities, CDATA, and skips the declaration and comments", () => {
    const root = parseXml(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<!-- exported -->
<savedsearch scriptid='customsearch_x'>
  <definition><![CDATA[<search a="1"/>]]></definition>
  <label>Tom &amp; Jerry &#x41;&#66;</label>
  <empty/>
</savedsearch>`);
    expect(root.name).toBe("savedsearch");
    expect(root.attrs).toEqual({ scriptid: "customsearch_x" });
    expect(root.children.map((c) => [c.name, c.text, c.line])).toEqual([
      ["definition", '<search a="1"/>', 4],
      ["label", "Tom & Jerry AB", 5],
      ["empty", "", 6],
    ]);
  });

  it.each([
    ["<a><b></a>", "</a> closes <b> (line 1)"],
    ["<a>\n<b x=1/></a>", 'attribute "x" of <b> is not quoted (line 2)'],
    ["<a>&nbsp;</a>", 'unknown entity "&nbsp;" (line 1)'],
    ["<a></a><b/>", "content after the root element (line 1)"],
    ["<!DOCTYPE a><a/>", "DOCTYPE and other declarations are not supported in SDF files (line 1)"],
    ["<a>", "<a> is never closed (line 1)"],
  ])("rejects %j", (source, message) => {
    expect(() => parseXml(source)).toThrow(XmlSyntaxError);
    expect(() => parseXml(source)).toThrow(message);
  });
});
