// The chat template HuggingFaceTB/SmolVLM-*-Instruct publish (Idefics3 format). Transformers.js reads a template
// only from tokenizer_config.json; a copy of the model that ships it only as chat_template.json still chats with
// this one. Pure: both threads may import it.
export const IDEFICS3_CHAT_TEMPLATE =
  "<|im_start|>{% for message in messages %}{{message['role'] | capitalize}}{% if message['content'][0]['type'] == 'image' %}{{':'}}{% else %}{{': '}}{% endif %}{% for line in message['content'] %}{% if line['type'] == 'text' %}{{line['text']}}{% elif line['type'] == 'image' %}{{ '<image>' }}{% endif %}{% endfor %}<end_of_utterance>\n{% endfor %}{% if add_generation_prompt %}{{ 'Assistant:' }}{% endif %}";
