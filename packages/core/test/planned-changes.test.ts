import { describe, expect, it } from "vitest";
import { plannedChanges } from "../src/planned-changes.js";

describe("plannedChanges", () => {
  const current = {
    id: "cus_1",
    email: "ada@example.com",
    name: "Ada Ltd",
    phone: null,
    description: null,
    address: {
      line1: "1 Main St",
      line2: null,
      city: "Oslo",
      state: null,
      postal_code: "0150",
      country: "NO",
    },
    metadata: { netsuite_customer_id: "107", netsuite_subsidiary: "1" },
    tax_exempt: "none",
    preferred_locales: [],
  };

  it("lists the fields whose value differs, blanks equal to null", () => {
    expect(
      plannedChanges(
        {
          email: "ada@example.com",
          name: "Ada Ltd",
          phone: "+47 1234",
          description: "",
          address: {
            line1: "1 Main St",
            line2: "",
            city: "Bergen",
            state: "",
            postal_code: "0150",
            country: "NO",
          },
          metadata: { netsuite_customer_id: "107", netsuite_subsidiary: "1", region: "north" },
        },
        current,
      ),
    ).toEqual(["phone", "address.city", "metadata.region"]);
  });

  it("nothing when the customer already holds what would be sent", () => {
    expect(
      plannedChanges(
        {
          email: "ada@example.com",
          name: "Ada Ltd",
          phone: "",
          tax_exempt: "",
          metadata: { netsuite_customer_id: "107" },
        },
        current,
      ),
    ).toEqual([]);
  });

  it("a field the mapping does not name is never listed", () => {
    expect(plannedChanges({ metadata: {} }, { ...current, email: "other@example.com" })).toEqual([]);
  });

  it("clearing an address lists its filled parts", () => {
    expect(plannedChanges({ address: "", metadata: {} }, current)).toEqual([
      "address.line1",
      "address.city",
      "address.postal_code",
      "address.country",
    ]);
  });

  it("a customer to create: every field the parameters fill", () => {
    expect(
      plannedChanges(
        {
          email: "new@example.com",
          name: "",
          address: { country: "GB" },
          metadata: { netsuite_customer_id: "9" },
        },
        undefined,
      ),
    ).toEqual(["email", "address.country", "metadata.netsuite_customer_id"]);
  });

  it("shipping, locales and tax status", () => {
    expect(
      plannedChanges(
        {
          shipping: { name: "Ada", address: { city: "Oslo" } },
          preferred_locales: ["nb"],
          tax_exempt: "exempt",
          metadata: {},
        },
        current,
      ),
    ).toEqual(["preferred_locales", "tax_exempt", "shipping.name", "shipping.address.city"]);
  });
});
