//! Reading schema nodes, for both generators: `$ref` names, type names, the JSON types a node
//! allows, objects (and the `[]` an all-optional object also admits), typed branches.

use serde_json::Value;

/// The definition a `$ref` points at: `#/$defs/Chat` → `Chat`.
pub(crate) fn ref_name(node: &Value) -> Option<&str> {
    node.get("$ref")?.as_str()?.strip_prefix("#/$defs/")
}

/// `Payload_Array_of_ChatItem` → `PayloadArrayOfChatItem`.
pub(crate) fn pascal(name: &str) -> String {
    name.split(['_', '-', '.', ' ', '@'])
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

/// The JSON types a node allows through `type`.
pub(crate) fn types(node: &Value) -> Vec<&str> {
    match node.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Whether a node is `{"type": "array", "maxItems": 0}`: the `[]` an all-optional struct
/// also admits.
pub(crate) fn is_empty_array(node: &Value) -> bool {
    types(node) == ["array"]
        && node.get("maxItems") == Some(&0.into())
        && node.get("items").is_none()
}

/// Whether a node is an object that also admits `[]` (an all-optional struct):
/// `anyOf` an object and the empty array.
pub(crate) fn admits_empty_array(node: &Value) -> bool {
    node.get("anyOf")
        .and_then(Value::as_array)
        .is_some_and(|branches| {
            branches.len() == 2
                && branches.iter().any(is_empty_array)
                && branches.iter().any(|branch| types(branch) == ["object"])
        })
}

/// The object schema of a node that is an object with properties (or such an object or
/// `[]`), to render as a class or interface; `None` for anything else.
pub(crate) fn object_part(node: &Value) -> Option<&Value> {
    let with_properties = |node: &Value| {
        types(node) == ["object"]
            && node
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|properties| !properties.is_empty())
            && !["anyOf", "oneOf", "allOf", "$ref"]
                .iter()
                .any(|key| node.get(*key).is_some())
    };
    if with_properties(node) {
        return Some(node);
    }
    if admits_empty_array(node)
        && !["oneOf", "allOf", "$ref"]
            .iter()
            .any(|key| node.get(*key).is_some())
    {
        return node["anyOf"]
            .as_array()?
            .iter()
            .find(|branch| with_properties(branch));
    }
    None
}

/// The branches of an `anyOf`/`oneOf` that carry a type: the empty array beside an object is
/// left out (both packages read `[]` as the object with nothing set).
pub(crate) fn typed_branches(branches: &[Value]) -> Vec<&Value> {
    let object = branches.iter().any(|branch| types(branch) == ["object"]);
    branches
        .iter()
        .filter(|branch| !(object && is_empty_array(branch)))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn names() {
        assert_eq!(
            super::pascal("Payload_Array_of_ChatItem"),
            "PayloadArrayOfChatItem"
        );
        assert_eq!(super::pascal("Num_i64"), "NumI64");
    }
}
